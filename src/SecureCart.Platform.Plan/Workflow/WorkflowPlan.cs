using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureCart.Platform.Plan.Workflow;

/// <summary>The order-fulfilment state machine and its functions.</summary>
public sealed record WorkflowPlan(string StateMachineName, string ExecutionType, bool Tracing, string LogLevel, ImmutableArray<WorkflowStepPlan> Steps, ImmutableArray<LambdaPlan> Functions)
{
    /// <summary>The state machine's region-neutral name, which access grants and the program use.</summary>
    public const string LogicalName = "order-fulfilment";

    /// <summary>
    /// The Amazon States Language definition. ARNs are only known at deployment, so the program passes them in;
    /// the shape (states, retries, compensation) is decided here.
    /// </summary>
    public string Definition(IReadOnlyDictionary<string, string> functionArns, string eventBusName)
    {
        var states = new JsonObject();
        for (var i = 0; i < Steps.Length; i++)
        {
            var step = Steps[i];
            var next = i + 1 < Steps.Length && Steps[i + 1].Name != "ReleaseInventory" ? Steps[i + 1].Name : null;
            JsonObject state = step switch
            {
                { Name: "PublishOrderPlaced" } => new JsonObject
                {
                    ["Type"] = "Task",
                    ["Resource"] = "arn:aws:states:::events:putEvents",
                    ["Parameters"] = new JsonObject
                    {
                        ["Entries"] = new JsonArray(new JsonObject
                        {
                            ["EventBusName"] = eventBusName,
                            ["Source"] = "securecart.orders",
                            ["DetailType"] = "order.placed",
                            ["Detail.$"] = "$",
                        }),
                    },
                },
                { Name: "OrderFailed" } => new JsonObject { ["Type"] = "Fail", ["Error"] = "OrderFailed" },
                _ => new JsonObject
                {
                    ["Type"] = "Task",
                    ["Resource"] = "arn:aws:states:::lambda:invoke",
                    ["Parameters"] = new JsonObject { ["FunctionName"] = functionArns[step.Lambda!], ["Payload.$"] = "$" },
                    ["OutputPath"] = "$.Payload",
                    ["Retry"] = new JsonArray(new JsonObject
                    {
                        ["ErrorEquals"] = new JsonArray("Lambda.ServiceException", "Lambda.TooManyRequestsException", "States.Timeout"),
                        ["IntervalSeconds"] = 2,
                        ["MaxAttempts"] = 3,
                        ["BackoffRate"] = 2.0,
                    }),
                },
            };
            if (step.OnFailure is { } onFailure)
            {
                state["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("States.ALL"), ["Next"] = onFailure, ["ResultPath"] = "$.error" });
            }

            if (state["Type"]!.GetValue<string>() != "Fail")
            {
                if (step.Name == "ReleaseInventory")
                {
                    state["Next"] = "OrderFailed";
                }
                else if (next is null)
                {
                    state["End"] = true;
                }
                else
                {
                    state["Next"] = next;
                }
            }

            states[step.Name] = state;
        }

        var definition = new JsonObject { ["Comment"] = "SecureCart order fulfilment", ["StartAt"] = Steps[0].Name, ["States"] = states };
        return definition.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
