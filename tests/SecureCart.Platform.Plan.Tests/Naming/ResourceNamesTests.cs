using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Naming;

namespace SecureCart.Platform.Plan.Tests.Naming;

public sealed class ResourceNamesTests
{
    [Fact]
    public void Physical_Short_ProjectStackPart() =>
        Assert.Equal("securecart-prod-eu-cart", new ResourceNames("securecart", "prod-eu").Physical("cart"));

    [Fact]
    public void Physical_TooLong_ShortenedUniquelyWithinLimit()
    {
        var names = new ResourceNames("securecart", "prod-eu-central");

        var a = names.Physical("notifications-dlq", 32);
        var b = names.Physical("notifications-dlx", 32);

        Assert.Equal(32, a.Length);
        Assert.StartsWith("securecart-prod-eu-centr", a);
        Assert.NotEqual(a, b);
        Assert.Equal(a, names.Physical("notifications-dlq", 32));
    }

    [Fact]
    public void Plan_AlbName_FitsTheLoadBalancerLimit() =>
        Assert.True(PlanFixtures.Plan("prod-us").Ingress.LoadBalancer.Name.Length <= ResourceNames.LoadBalancerNameLimit);

    [Fact]
    public void Tags_CarryStackRegionProfileAndOwner()
    {
        var tags = Tagging.For("prod-eu", "eu-west-1", SizeProfile.Production);

        Assert.Equal("prod-eu", tags["securecart:stack"]);
        Assert.Equal("eu-west-1", tags["securecart:region"]);
        Assert.Equal("production", tags["securecart:profile"]);
        Assert.Equal("pulumi", tags["securecart:managed-by"]);
        Assert.Equal("checkout", Tagging.WithComponent(tags, "checkout")["securecart:component"]);
    }

    [Fact]
    public void Plan_NamesCarryTheStackName()
    {
        var plan = PlanFixtures.Plan("prod-eu");

        Assert.Equal("securecart-prod-eu-cluster", plan.Compute.ClusterName);
        Assert.Equal("securecart-prod-eu-orders-dlq", plan.Messaging.Queues.Single(q => q.LogicalName == "orders").DeadLetterName);
        Assert.Equal("prod-eu", plan.Tags["securecart:stack"]);
    }
}
