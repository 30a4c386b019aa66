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
    public void Plan_SecurityTiers_DataOnlyFromServices()
    {
        var tiers = PlanFixtures.Plan("prod-eu").Network.SecurityTiers;

        var data = tiers.Single(t => t.LogicalName == "data");
        Assert.All(data.Ingress, r => Assert.Equal("services", r.FromTier));
        Assert.Equal([5432, 6379], data.Ingress.Select(r => r.FromPort));
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
}
