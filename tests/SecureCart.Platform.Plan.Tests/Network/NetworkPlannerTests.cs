using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Naming;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Tests.Network;

public sealed class NetworkPlannerTests
{
    [Fact]
    public void Plan_Slash16_CarvesThreeTiersOverThreeZones()
    {
        var plan = PlanFixtures.Plan("prod-us").Network;

        Assert.Equal(["zone-1", "zone-2", "zone-3"], plan.AvailabilityZones);
        Assert.Equal(
            [
                ("public-a", "10.10.192.0/21"), ("public-b", "10.10.200.0/21"), ("public-c", "10.10.208.0/21"),
                ("private-a", "10.10.0.0/18"), ("private-b", "10.10.64.0/18"), ("private-c", "10.10.128.0/18"),
                ("isolated-a", "10.10.224.0/21"), ("isolated-b", "10.10.232.0/21"), ("isolated-c", "10.10.240.0/21"),
            ],
            plan.Subnets.Select(s => (s.LogicalName, s.Cidr)));
        Assert.Equal("securecart-prod-us-private-b", plan.Subnets.Single(s => s.LogicalName == "private-b").Name);
    }

    [Theory]
    [InlineData("10.30.0.0/16")]
    [InlineData("172.16.16.0/20")]
    [InlineData("192.168.0.0/18")]
    public void Plan_AnyAllowedPrefix_SubnetsInsideTheVpcAndDisjoint(string cidr)
    {
        var vpc = Ipv4Cidr.Parse(cidr);

        var subnets = PlanFixtures.Plan("prod-eu", s => s with { VpcCidr = vpc }).Network.Subnets.Select(s => Ipv4Cidr.Parse(s.Cidr)).ToList();

        Assert.Equal(9, subnets.Count);
        Assert.All(subnets, s => Assert.True(vpc.Contains(s), $"{s} outside {vpc}"));
        for (var i = 0; i < subnets.Count; i++)
        {
            for (var j = i + 1; j < subnets.Count; j++)
            {
                Assert.False(subnets[i].Overlaps(subnets[j]), $"{subnets[i]} overlaps {subnets[j]}");
            }
        }
    }

    [Theory]
    [InlineData(NatStrategy.PerAz, 3)]
    [InlineData(NatStrategy.OneForVpc, 1)]
    public void Plan_NatStrategy_GatewayCount(NatStrategy strategy, int expected)
    {
        var plan = PlanFixtures.Plan("prod-eu", s => s with { NatStrategy = strategy }).Network;

        Assert.Equal(expected, plan.NatGatewayZones.Length);
        Assert.Equal("zone-1", plan.NatGatewayZones[0]);
    }

    [Fact]
    public void Plan_SecurityTiers_DataOnlyFromTheClientGroupsOfWhatNeedsAStore()
    {
        var tiers = PlanFixtures.Plan("prod-eu").Network.SecurityTiers;

        var data = tiers.Single(t => t.LogicalName == "data");
        Assert.Equal(
            [
                ("storefront-data-client", 6379), ("catalog-data-client", 6379), ("cart-data-client", 6379), ("orders-data-client", 5432),
                ("payments-data-client", 5432), ("inventory-data-client", 5432), ("charge-payment-data-client", 5432),
                ("refund-payment-data-client", 5432), ("postgres-rotation-data-client", 5432), ("postgres-proxy-data-client", 5432),
            ],
            data.Ingress.Select(r => (r.FromTier, r.FromPort)));
        Assert.DoesNotContain(data.Ingress, r => r.FromTier == "services");
        Assert.All(tiers.SelectMany(t => t.Ingress), r => Assert.NotEqual("0.0.0.0/0", r.FromCidr));
        var alb = tiers.Single(t => t.LogicalName == "alb").Ingress;
        Assert.All(alb, r => Assert.Null(r.FromCidr));
        Assert.Equal([("com.amazonaws.global.cloudfront.origin-facing", null), (null, "api-link")], alb.Select(r => (r.FromPrefixList, r.FromTier)));
        Assert.Empty(tiers.Single(t => t.LogicalName == "api-link").Ingress);
    }

    [Fact]
    public void Plan_RegionOfferingTwoZones_SpreadsOverTwoAndKeepsEveryBlockInPlace()
    {
        var three = PlanFixtures.Plan("prod-eu").Network;

        var two = PlanFixtures.Plan("prod-eu", s => s with { Region = "us-west-1" }).Network;

        Assert.Equal(["zone-1", "zone-2"], two.AvailabilityZones);
        Assert.Equal(6, two.Subnets.Length);
        Assert.Equal(2, two.NatGatewayZones.Length);
        Assert.All(Enum.GetValues<SubnetTier>(), tier => Assert.Equal(2, two.Subnets.Count(s => s.Tier == tier)));
        // The a and b blocks are where a three-zone plan has them; only the c blocks are left unused.
        Assert.All(two.Subnets, s => Assert.Equal(three.Subnets.Single(t => t.LogicalName == s.LogicalName).Cidr, s.Cidr));
        Assert.All(two.Subnets, s => Assert.Contains(s.AvailabilityZone, two.AvailabilityZones));
    }

    [Theory]
    [InlineData("ap-southeast-1", 3)]
    [InlineData("ca-central-1", 3)]
    [InlineData("us-west-1", 2)]
    [InlineData("xx-future-9", 3)]
    public void Plan_ZoneCount_FromTheRegionCatalogWithThreeAsTheCeiling(string region, int zones)
    {
        var plan = PlanFixtures.Plan("prod-eu", s => s with { Region = region }).Network;

        Assert.Equal(zones, plan.AvailabilityZones.Length);
        Assert.All(plan.AvailabilityZones, z => Assert.DoesNotContain(region, z, StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_EveryServiceAndFunction_JoinsOnlyTiersTheNetworkCreatesAndReachesExactlyItsGrantedStores()
    {
        var plan = PlanFixtures.Plan("prod-us");
        var tiers = plan.Network.SecurityTiers.ToDictionary(t => t.LogicalName, StringComparer.Ordinal);
        var data = tiers["data"].Ingress;
        IEnumerable<int> Ports(IEnumerable<string> joined) => data.Where(r => joined.Contains(r.FromTier!)).Select(r => r.FromPort).Order();
        IEnumerable<int> Granted(IEnumerable<ServiceAccess> access) => access.Where(a => a.IsNetwork)
            .Select(a => a.Kind == AccessKind.PostgresConnect ? 5432 : 6379).Order();

        foreach (var service in plan.Compute.Services)
        {
            Assert.All(service.SecurityTiers, t => Assert.True(tiers.ContainsKey(t), $"{service.LogicalName} joins {t}"));
            Assert.Equal(Granted(service.Access), Ports(service.SecurityTiers));
        }

        foreach (var function in plan.Workflow.Functions)
        {
            Assert.All(function.SecurityTiers, t => Assert.True(tiers.ContainsKey(t), $"{function.LogicalName} joins {t}"));
            Assert.Equal(Granted(function.Access), Ports(function.SecurityTiers));
        }

        Assert.Equal(["charge-payment", "refund-payment"], plan.Workflow.Functions.Where(f => f.InVpc).Select(f => f.LogicalName));
        Assert.Equal(["SECURECART_BUSPUBLISH_EVENTS"], plan.Workflow.Functions.Single(f => f.LogicalName == "charge-payment").Environment.Select(e => e.Variable));
        Assert.Equal(["SECURECART_QUEUESEND_INVENTORY_EVENTS"], plan.Workflow.Functions.Single(f => f.LogicalName == "reserve-inventory").Environment.Select(e => e.Variable));
        Assert.Equal(["services"], plan.Compute.Services.Single(s => s.LogicalName == "notifications").SecurityTiers);
        // A VPC function reaches the interface endpoints through the functions tier.
        Assert.Contains(tiers["endpoints"].Ingress, r => r.FromTier == "functions" && r.FromPort == 443);
    }

    [Fact]
    public void Plan_ClientWithoutAStoreGrant_GetsNoClientGroup()
    {
        var plan = NetworkPlanner.Plan(
            PlanFixtures.Settings("prod-eu"),
            new ResourceNames("securecart", "prod-eu"),
            [new("reader", [new(AccessKind.TableRead, "carts")]), new("writer", [new(AccessKind.PostgresConnect, "postgres"), new(AccessKind.RedisConnect, "redis")])]);

        Assert.DoesNotContain(plan.SecurityTiers, t => t.LogicalName == "reader-data-client");
        Assert.Equal([("writer-data-client", 5432), ("writer-data-client", 6379)], plan.SecurityTiers.Single(t => t.LogicalName == "data").Ingress.Select(r => (r.FromTier, r.FromPort)));
    }
}
