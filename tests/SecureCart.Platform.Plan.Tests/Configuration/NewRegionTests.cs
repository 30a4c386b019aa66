using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Parity;

namespace SecureCart.Platform.Plan.Tests.Configuration;

/// <summary>Adding a Region is one stack file, whatever the Region: as a platform team would add one.</summary>
public sealed class NewRegionTests : IDisposable
{
    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData("prod-ap", "ap-southeast-1", "10.30.0.0/16", 3)]
    [InlineData("prod-usw", "us-west-1", "10.40.0.0/16", 2)]
    public void Load_ThirdStackFile_PlansCostsAndKeepsParity(string stack, string region, string cidr, int zones)
    {
        _project.Write($"Pulumi.{stack}.yaml", $"config:\n  aws:region: {region}\n  securecart:vpcCidr: {cidr}\n  securecart:domain: shop.securecart.example\n  securecart:paymentsApiKey:\n    secure: AAABAPlaceholderCiphertextReplaceWithPulumiConfigSetSecret\n  securecart:pagerEndpoint:\n    secure: AAABAPlaceholderCiphertextReplaceWithPulumiConfigSetSecret\n");

        var project = _project.Loaded();
        var plan = RegionalPlanner.Plan(project, stack);
        var estimate = CostModel.Default.Estimate(plan);

        Assert.Equal(3, project.Stacks.Count);
        Assert.Equal(region, plan.Region);
        Assert.False(plan.IsHome);
        Assert.Equal(zones, plan.Network.AvailabilityZones.Length);
        Assert.Equal(zones * 3, plan.Network.Subnets.Length);
        Assert.All(plan.Data.Rds.Replicas, r => Assert.Contains(r.AvailabilityZone, plan.Network.AvailabilityZones));
        Assert.False(estimate.Complete);
        Assert.NotEmpty(estimate.Items);
        // The home stack's accelerator serves the new Region too.
        Assert.Contains(region, RegionalPlanner.Plan(project, "prod-us").Edge!.EndpointGroupRegions);
        Assert.IsType<ParityResult.Identical>(PlanComparer.Compare(project));
    }
}
