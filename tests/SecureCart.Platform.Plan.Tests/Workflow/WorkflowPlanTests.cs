using System.Text.Json;
using SecureCart.Platform.Plan.Workflow;

namespace SecureCart.Platform.Plan.Tests.Workflow;

public sealed class WorkflowPlanTests
{
    private const string QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/securecart-prod-eu-undelivered-events";

    private static readonly WorkflowPlan s_workflow = PlanFixtures.Plan("prod-eu").Workflow;

    private static JsonDocument Definition()
    {
        var arns = s_workflow.Functions.ToDictionary(f => f.LogicalName, f => $"arn:aws:lambda:eu-west-1:123456789012:function:{f.Name}");
        return JsonDocument.Parse(s_workflow.Definition(arns, "securecart-prod-eu-events", QueueUrl));
    }

    private static (List<string> Path, string Outcome) Walk(params (string State, string Error)[] failures)
    {
        using var definition = Definition();
        return AslWalker.Walk(definition.RootElement.Clone(), failures.ToDictionary(f => f.State, f => f.Error));
    }

    [Fact]
    public void HappyPath_FraudReserveChargePublish()
    {
        var (path, outcome) = Walk();

        Assert.Equal(["FraudCheck", "ReserveInventory", "ChargePayment", "PublishOrderPlaced"], path);
        Assert.Equal("Succeeded", outcome);
        Assert.Equal(path, s_workflow.HappyPath);
    }

    [Fact]
    public void DeclinedCard_ReleasesStock_NoRefund_EmitsOrderFailed()
    {
        var (path, outcome) = Walk(("ChargePayment", WorkflowPlanner.PaymentDeclined));

        Assert.Equal(["FraudCheck", "ReserveInventory", "ChargePayment", "ReleaseInventory", "PublishOrderFailed", "OrderFailed"], path);
        Assert.Equal("Failed", outcome);
    }

    [Theory]
    [InlineData("States.Timeout")]
    [InlineData("Lambda.Unknown")]
    [InlineData("Lambda.ServiceException")]
    public void ChargeWithUnknownOutcome_RefundsBeforeReleasing_AndEmitsOrderFailed(string error)
    {
        var (path, outcome) = Walk(("ChargePayment", error));

        Assert.Equal(["FraudCheck", "ReserveInventory", "ChargePayment", "RefundPayment", "ReleaseInventory", "PublishOrderFailed", "OrderFailed"], path);
        Assert.Equal("Failed", outcome);
    }

    [Fact]
    public void RefundFails_StockStillReleased_AndOrderFailedStillEmitted()
    {
        var (path, _) = Walk(("ChargePayment", "States.Timeout"), ("RefundPayment", "Lambda.Unknown"));

        Assert.Equal(["RefundPayment", "ReleaseInventory", "PublishOrderFailed", "OrderFailed"], path[^4..]);
    }

    [Fact]
    public void OrderPlacedRefusedByTheBus_IsParked_AndThePaidOrderSucceeds()
    {
        var (path, outcome) = Walk(("PublishOrderPlaced", "EventBridge.FailedEntry"));

        Assert.Equal(["ChargePayment", "PublishOrderPlaced", "ParkOrderPlaced"], path[^3..]);
        Assert.Equal("Succeeded", outcome);
        Assert.DoesNotContain("RefundPayment", path);
    }

    [Fact]
    public void EveryFailure_EmitsOrderFailedBeforeTheExecutionFails()
    {
        foreach (var step in s_workflow.Steps.Where(s => s.Kind == WorkflowStepKind.InvokeFunction && s_workflow.HappyPath.Contains(s.Name)))
        {
            foreach (var error in new[] { "States.Timeout", "Lambda.Unknown", WorkflowPlanner.PaymentDeclined })
            {
                var (path, outcome) = Walk((step.Name, error));

                Assert.Equal("Failed", outcome);
                Assert.Contains("PublishOrderFailed", path);
                Assert.Equal("OrderFailed", path[^1]);
            }
        }

        var (unpublished, end) = Walk(("FraudCheck", "States.Timeout"), ("PublishOrderFailed", "EventBridge.FailedEntry"));
        Assert.Equal(["PublishOrderFailed", "ParkOrderFailed", "OrderFailed"], unpublished[^3..]);
        Assert.Equal("Failed", end);
    }

    [Fact]
    public void EveryTask_HasATimeout_RetriesLambdaServiceErrors_AndATransitionThatExists()
    {
        using var definition = Definition();
        var states = definition.RootElement.GetProperty("States");
        var names = states.EnumerateObject().Select(s => s.Name).ToHashSet();

        foreach (var state in states.EnumerateObject().Where(s => s.Value.GetProperty("Type").GetString() == "Task"))
        {
            Assert.True(state.Value.GetProperty("TimeoutSeconds").GetInt32() > 0, $"{state.Name} has no TimeoutSeconds, so States.Timeout never fires");
            var retried = state.Value.GetProperty("Retry").EnumerateArray().SelectMany(r => r.GetProperty("ErrorEquals").EnumerateArray().Select(e => e.GetString()!)).ToList();
            if (state.Value.GetProperty("Resource").GetString() == "arn:aws:states:::lambda:invoke")
            {
                // https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html
                Assert.Superset(
                    new HashSet<string> { "Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException", "States.Timeout" },
                    retried.ToHashSet());
                var payload = state.Value.GetProperty("Parameters").GetProperty("Payload");
                Assert.Equal("States.Format('{}:{}', $$.Execution.Name, $$.State.Name)", payload.GetProperty("idempotencyKey.$").GetString());
            }
            else
            {
                Assert.Contains(retried, e => AslWalker.Matches(e, "EventBridge.FailedEntry"));
            }

            var targets = new List<string>();
            if (state.Value.TryGetProperty("Next", out var next))
            {
                targets.Add(next.GetString()!);
            }

            if (state.Value.TryGetProperty("Catch", out var catches))
            {
                targets.AddRange(catches.EnumerateArray().Select(c => c.GetProperty("Next").GetString()!));
            }

            Assert.All(targets, t => Assert.Contains(t, names));
        }

        Assert.Equal(QueueUrl, states.GetProperty("ParkOrderPlaced").GetProperty("Parameters").GetProperty("QueueUrl").GetString());
        Assert.Equal("securecart-prod-eu-events", states.GetProperty("PublishOrderPlaced").GetProperty("Parameters").GetProperty("Entries")[0].GetProperty("EventBusName").GetString());
    }

    [Fact]
    public void Functions_TracedOnTheStackArchitecture_OnASupportedRuntime_OneForEachInvokedStep()
    {
        Assert.True(s_workflow.Tracing);
        // dotnet8 is deprecated on 2026-11-10 (Lambda runtimes page); dotnet10 is the supported .NET runtime.
        Assert.All(s_workflow.Functions, f => Assert.Equal(("Active", "arm64", "dotnet10"), (f.TracingMode, f.Architecture, f.Runtime)));
        Assert.Equal(
            s_workflow.Steps.Where(s => s.Lambda is not null).Select(s => s.Lambda!).Order(),
            s_workflow.Functions.Select(f => f.LogicalName).Order());
    }
}
