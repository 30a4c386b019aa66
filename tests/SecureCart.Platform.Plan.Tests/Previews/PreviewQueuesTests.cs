using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Messaging;
using SecureCart.Platform.Plan.Naming;
using SecureCart.Platform.Plan.Previews;

namespace SecureCart.Platform.Plan.Tests.Previews;

public sealed class PreviewQueuesTests
{
    [Fact]
    public void Plan_Preview_QueuePairsAreProductionsQueuePlansUnderThePreviewsNames()
    {
        var plan = ((PreviewPlanResult.Planned)PreviewPlanner.Plan("pr-7", "shop", PreviewSize.Small, "v1",
            new PreviewBase("preview-base", "us-east-1", "shop.securecart.example", CpuArchitecture.Arm64), PriceBook.Default)).Plan;
        var production = MessagingPlanner.Plan(new ResourceNames("pv", "pr-7")).Queues;

        Assert.Equal(["orders", "notifications"], plan.Queues.Select(q => q.LogicalName));
        Assert.All(plan.Queues, q => Assert.Equal(production.Single(p => p.LogicalName == q.LogicalName), q));
        Assert.Equal(plan.Queues.SelectMany(q => new[] { q.Name, q.DeadLetterName }), plan.QueueNames);
    }
}
