using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Data;

namespace SecureCart.Platform.Plan.Tests.Cost;

public sealed class CostModelFixedChargesTests
{
    [Fact]
    public void Estimate_NatGateways_PayForTheirPublicIpv4Addresses()
    {
        var plan = PlanFixtures.Plan("prod-us");

        var ipv4 = CostModel.Default.Estimate(plan).Items.Single(i => i.Sku == "publicipv4.hour");

        // $0.005 per address-hour, one Elastic IP per NAT gateway.
        Assert.Equal(plan.Network.NatGatewayZones.Length, ipv4.Quantity);
        Assert.Equal(plan.Network.NatGatewayZones.Length * 0.005m, ipv4.HourlyUsd);
        Assert.Equal(plan.Network.NatGatewayZones.Length * 0.005m * 730, ipv4.MonthlyUsd);
    }

    [Fact]
    public void Estimate_Workers_PayForTheirRootVolumes()
    {
        var plan = PlanFixtures.Plan("prod-us");
        Assert.NotNull(plan.Compute.Workers);

        var volumes = CostModel.Default.Estimate(plan).Items.Single(i => i.Sku == "ebs.gp3.gb-month");

        // 30 GiB of gp3 per instance at $0.08 per GB-month in us-east-1.
        Assert.Equal(plan.Compute.Workers.MinSize * 30m, volumes.Quantity);
        Assert.Equal(plan.Compute.Workers.MinSize * 30 * 0.08m, volumes.MonthlyUsd);
    }

    [Theory]
    [InlineData("db.r6g.xlarge", 4)]
    [InlineData("db.r7g.2xlarge", 8)]
    [InlineData("db.r6g.large", 2)]
    public void Estimate_RdsProxy_BilledPerVcpuOfThePrimaryAtUsEast1sRate(string instanceClass, int vcpus)
    {
        var plan = PlanFixtures.Plan("prod-us", s => s with { Rds = s.Rds with { InstanceClass = instanceClass } });
        Assert.NotNull(plan.Data.Proxy);

        var proxy = CostModel.Default.Estimate(plan).Items.Single(i => i.Sku == "rds.proxy.vcpu-hour");

        Assert.Equal(vcpus, proxy.Quantity);
        Assert.Contains(instanceClass, proxy.Resource, StringComparison.Ordinal);
        Assert.Equal(vcpus * 0.015m, proxy.HourlyUsd); // USE1-RDS:ProxyUsage, $0.015 per vCPU-hour
        Assert.Equal(vcpus * 0.015m * 730, proxy.MonthlyUsd);
    }

    [Fact]
    public void Estimate_RdsProxy_RegionWithoutACitedRate_NamesTheMissingPrice()
    {
        var estimate = CostModel.Default.Estimate(PlanFixtures.Plan("prod-eu"));

        var proxy = estimate.Items.Single(i => i.Sku == "rds.proxy.vcpu-hour");
        Assert.Equal(4, proxy.Quantity);
        Assert.Equal(0m, proxy.MonthlyUsd);
        Assert.Contains("rds.proxy.vcpu-hour", estimate.MissingPrices);
    }

    [Fact]
    public void RdsInstanceVcpus_KnowsEveryAcceptedClass_AndTheProxyMinimumIsTwo()
    {
        Assert.All(InstanceClasses.Rds, c => Assert.True(RdsInstanceVcpus.ByClass.ContainsKey(c), c));
        Assert.All(InstanceClasses.Rds, c => Assert.True(RdsInstanceVcpus.ProxyBilledVcpus(c) >= 2, c));
        Assert.Throws<ArgumentException>(() => RdsInstanceVcpus.ProxyBilledVcpus("db.x9.huge"));
    }

    [Fact]
    public void Estimate_ContainerInsights_ChargedAsCustomMetricsPerService()
    {
        var plan = PlanFixtures.Plan("prod-eu");
        Assert.True(plan.Compute.ContainerInsights);
        var services = plan.Compute.Services.Length;

        var metrics = CostModel.Default.Estimate(plan).Items.Single(i => i.Resource == "Container Insights metrics");

        // 16 cluster metrics, 13 per service and 9 per task family, $0.30 per metric-month in eu-west-1.
        Assert.Equal(16 + 22m * services, metrics.Quantity);
        Assert.Equal((16 + 22m * services) * 0.30m, metrics.MonthlyUsd);
    }

    [Fact]
    public void Estimate_PreviewProfile_NoContainerInsights()
    {
        var plan = PlanFixtures.Plan("prod-eu", s => s with { Profile = SizeProfile.Preview });

        var estimate = CostModel.Default.Estimate(plan);

        Assert.False(plan.Compute.ContainerInsights);
        Assert.DoesNotContain(estimate.Items, i => i.Resource == "Container Insights metrics");
    }
}
