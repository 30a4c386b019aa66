using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureCart.Platform.Plan.Workflow;

/// <summary>The order-fulfilment state machine and its functions.</summary>
/// <param name="EventSource">The <c>source</c> of the events the machine publishes.</param>
/// <param name="Steps">The states; the first is where an execution starts.</param>
public sealed record WorkflowPlan(
    string StateMachineName,
    string ExecutionType,
    bool Tracing,
    string LogLevel,
    string EventSource,
    ImmutableArray<WorkflowStepPlan> Steps,
    ImmutableArray<LambdaPlan> Functions)
{
    /// <summary>The state machine's region-neutral name, which access grants and the program use.</summary>
    public const string LogicalName = "order-fulfilment";

    /// <summary>The states an order passes when nothing fails, from the start along each state's Next.</summary>
    public ImmutableArray<string> HappyPath
    {
        get
        {
            var path = ImmutableArray.CreateBuilder<string>();
            for (WorkflowStepPlan? step = Steps[0]; step is not null; step = Steps.FirstOrDefault(s => s.Name == step.Next))
            {
                path.Add(step.Name);
            }

            return path.ToImmutable();
        }
    }

    /// <summary>
    /// The Amazon States Language definition, mapped mechanically from <see cref="Steps"/>. ARNs and the queue URL
    /// are only known at deployment, so the program passes them in. An execution's input is
    /// <c>{"order": {...}}</c> and its name is the order id, which Step Functions keeps unique, so the name is the
    /// order's idempotency key.
    /// </summary>
    public string Definition(IReadOnlyDictionary<string, string> functionArns, string eventBusName, string undeliveredEventsQueueUrl)
    {
        ArgumentNullException.ThrowIfNull(functionArns);
        var states = new JsonObject();
        foreach (WorkflowStepPlan step in Steps)
        {
            JsonObject state = step.Kind switch
            {
                WorkflowStepKind.InvokeFunction => new JsonObject
                {
                    ["Type"] = "Task",
                    ["Resource"] = "arn:aws:states:::lambda:invoke",
                    ["Parameters"] = new JsonObject
                    {
                        ["FunctionName"] = functionArns[step.Lambda!],
                        ["Payload"] = new JsonObject
                        {
                            ["order.$"] = "$.order",
                            ["orderKey.$"] = "$$.Execution.Name",
                            ["idempotencyKey.$"] = "States.Format('{}:{}', $$.Execution.Name, $$.State.Name)",
                        },
                    },
                    ["ResultSelector"] = new JsonObject { ["value.$"] = "$.Payload" },
                    ["ResultPath"] = $"$.{step.Name}",
                },
                WorkflowStepKind.PublishEvent => new JsonObject
                {
                    ["Type"] = "Task",
                    ["Resource"] = "arn:aws:states:::events:putEvents",
                    ["Parameters"] = new JsonObject
                    {
                        ["Entries"] = new JsonArray(new JsonObject
                        {
                            ["EventBusName"] = eventBusName,
                            ["Source"] = EventSource,
                            ["DetailType"] = step.DetailType,
                            ["Detail.$"] = "$",
                        }),
                    },
                    ["ResultPath"] = null,
                },
                WorkflowStepKind.ParkEvent => new JsonObject
                {
                    ["Type"] = "Task",
                    ["Resource"] = "arn:aws:states:::sqs:sendMessage",
                    ["Parameters"] = new JsonObject
                    {
                        ["QueueUrl"] = undeliveredEventsQueueUrl,
                        ["MessageBody"] = new JsonObject { ["source"] = EventSource, ["detailType"] = step.DetailType, ["detail.$"] = "$" },
                    },
                    ["ResultPath"] = null,
                },
                WorkflowStepKind.Fail => new JsonObject { ["Type"] = "Fail", ["Error"] = "OrderFailed", ["Cause"] = "The order was not placed; order.failed carries why." },
                _ => throw new InvalidOperationException($"unknown step kind {step.Kind}"),
            };
            if (step.Kind != WorkflowStepKind.Fail)
            {
                state["TimeoutSeconds"] = step.TimeoutSeconds;
                state["Retry"] = new JsonArray([.. step.Retries.Select(r => (JsonNode)new JsonObject
                {
                    ["ErrorEquals"] = new JsonArray([.. r.Errors.Select(e => (JsonNode)e)]),
                    ["IntervalSeconds"] = r.IntervalSeconds,
                    ["MaxAttempts"] = r.MaxAttempts,
                    ["BackoffRate"] = r.BackoffRate,
                    ["MaxDelaySeconds"] = r.MaxDelaySeconds,
                    ["JitterStrategy"] = "FULL",
                })]);
                if (step.Catches.Length > 0)
                {
                    state["Catch"] = new JsonArray([.. step.Catches.Select(c => (JsonNode)new JsonObject
                    {
                        ["ErrorEquals"] = new JsonArray([.. c.Errors.Select(e => (JsonNode)e)]),
                        ["Next"] = c.Next,
                        ["ResultPath"] = c.ResultPath,
                    })]);
                }

                if (step.Next is { } next)
                {
                    state["Next"] = next;
                }
                else
                {
                    state["End"] = true;
                }
            }

            states[step.Name] = state;
        }

        var definition = new JsonObject { ["Comment"] = "SecureCart order fulfilment", ["StartAt"] = Steps[0].Name, ["States"] = states };
        return definition.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
