using System.Text.Json;

namespace SecureCart.Platform.Plan.Tests.Workflow;

public sealed class WorkflowPlanTests
{
    [Fact]
    public void Definition_FailedChargeReleasesInventoryThenFails()
    {
        var workflow = PlanFixtures.Plan("prod-eu").Workflow;
        var arns = workflow.Functions.ToDictionary(f => f.LogicalName, f => $"arn:aws:lambda:eu-west-1:123456789012:function:{f.Name}");

        using var definition = JsonDocument.Parse(workflow.Definition(arns, "securecart-prod-eu-events"));

        var states = definition.RootElement.GetProperty("States");
        Assert.Equal("FraudCheck", definition.RootElement.GetProperty("StartAt").GetString());
        Assert.Equal("ReleaseInventory", states.GetProperty("ChargePayment").GetProperty("Catch")[0].GetProperty("Next").GetString());
        Assert.Equal("OrderFailed", states.GetProperty("ReleaseInventory").GetProperty("Next").GetString());
        Assert.True(states.GetProperty("PublishOrderPlaced").GetProperty("End").GetBoolean());
        Assert.Equal("Fail", states.GetProperty("OrderFailed").GetProperty("Type").GetString());
        Assert.Equal(arns["fraud-check"], states.GetProperty("FraudCheck").GetProperty("Parameters").GetProperty("FunctionName").GetString());
        Assert.Equal("securecart-prod-eu-events", states.GetProperty("PublishOrderPlaced").GetProperty("Parameters").GetProperty("Entries")[0].GetProperty("EventBusName").GetString());
    }

    [Fact]
    public void Functions_TracedAndOnTheStackArchitecture()
    {
        var workflow = PlanFixtures.Plan("prod-eu").Workflow;

        Assert.True(workflow.Tracing);
        Assert.All(workflow.Functions, f => Assert.Equal(("Active", "arm64"), (f.TracingMode, f.Architecture)));
        Assert.Contains(workflow.Functions, f => f.LogicalName == "fraud-check");
    }
}
