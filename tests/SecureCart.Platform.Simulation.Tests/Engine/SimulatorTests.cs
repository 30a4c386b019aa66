using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Simulation.Engine;
using SecureCart.Platform.Simulation.Profiles;

namespace SecureCart.Platform.Simulation.Tests.Engine;

public sealed class SimulatorTests
{
    [Fact]
    public void Split_OneOfTwoDialsAtZero_DoublesTheOther()
    {
        var arriving = new double[2];

        Simulator.Split(1000, [0.5, 0.5], [1, 0], arriving);

        Assert.Equal(1000, arriving[0]);
        Assert.Equal(0, arriving[1]);
    }

    [Fact]
    public void Split_ThreeStacks_TheEvacuatedShareGoesToTheOthersByTheirShare()
    {
        var arriving = new double[3];

        Simulator.Split(1000, [0.5, 0.25, 0.25], [0, 1, 1], arriving);

        Assert.Equal(0, arriving[0]);
        Assert.Equal(500, arriving[1]);
        Assert.Equal(500, arriving[2]);
    }

    [Fact]
    public void Run_Evacuation_OneScenarioPerStackAndTheSurvivorTakesTheWorld()
    {
        var project = Repository.Project();
        var profile = ((ProfileLoadResult.Loaded)ShippedProfiles.Load("regional-evacuation", Repository.StackNames(project))).Profile;

        var scenarios = Simulator.Default.Run(profile, project.Stacks);

        Assert.Equal(project.Stacks.Count, scenarios.Length);
        var euOut = scenarios.Single(s => s.Name.Contains("prod-eu evacuated", StringComparison.Ordinal));
        var us = euOut.Stacks.Single(s => s.Stack == "prod-us").Components.Single(c => c.Name == "storefront");
        Assert.Equal(2 * us.Demand[10], us.Demand[60], 6);
        Assert.Equal(0, euOut.Stacks.Single(s => s.Stack == "prod-eu").Components.Single(c => c.Name == "storefront").Demand[60]);
    }

    [Fact]
    public void RunScenario_OneStepPerRequest_AgreesWithOneSecondSteps()
    {
        var project = Repository.Project();
        var profile = Assert.IsType<ProfileLoadResult.Loaded>(ProfileLoader.Load("small.yaml", new StringReader("""
            name: small
            start: "2026-11-20T12:00:00Z"
            durationMinutes: 20
            resolutionSeconds: 1
            traffic:
              baselineRps: 40
              shape:
                - { minute: 0, multiplier: 1 }
                - { minute: 5, multiplier: 10 }
            """), Repository.StackNames(project))).Profile;

        var stepped = Simulator.Default.RunScenario(profile, project.Stacks, null);
        var perRequest = Simulator.Default.RunScenario(profile, project.Stacks, null, t => Math.Max(1, (int)Math.Round(profile.RpsAt(t))));

        Assert.Equal(stepped.BreachMinutes, perRequest.BreachMinutes);
        Assert.Equal(stepped.TotalUsd, perRequest.TotalUsd, 2);
        var a = stepped.Stacks[0].Components.Single(c => c.Name == "storefront");
        var b = perRequest.Stacks[0].Components.Single(c => c.Name == "storefront");
        Assert.Equal(a.Tasks.Select(x => Math.Round(x, 6)), b.Tasks.Select(x => Math.Round(x, 6)));
    }

    [Fact]
    public void Run_Evacuation_AThirdRegionAddsAScenarioAndSharesTheLoad()
    {
        var project = ProjectWithThirdStack("prod-west", "us-west-2", "10.30.0.0/16");
        var profile = ((ProfileLoadResult.Loaded)ShippedProfiles.Load("regional-evacuation", Repository.StackNames(project))).Profile;

        var scenarios = Simulator.Default.Run(profile, project.Stacks);

        Assert.Equal(3, scenarios.Length);
        var euOut = scenarios.Single(s => s.Name.Contains("prod-eu evacuated", StringComparison.Ordinal));
        foreach (var survivor in new[] { "prod-us", "prod-west" })
        {
            var alb = euOut.Stacks.Single(s => s.Stack == survivor).Components.Single(c => c.Name == "alb");
            Assert.Equal(1.5 * alb.Demand[10], alb.Demand[60], 6);
        }
    }

    [Fact]
    public void Run_StackInARegionWithoutPrices_SimulatesAndNamesWhatItCouldNotPrice()
    {
        var project = ProjectWithThirdStack("prod-apac", "ap-southeast-1", "10.40.0.0/16");
        var profile = ((ProfileLoadResult.Loaded)ShippedProfiles.Load("regional-evacuation", Repository.StackNames(project))).Profile;

        var scenarios = Simulator.Default.Run(profile, project.Stacks);

        var apac = scenarios[0].Stacks.Single(s => s.Stack == "prod-apac");
        Assert.Contains("fargate.vcpu-hour.arm64", apac.Unpriced);
        Assert.DoesNotContain(apac.Unpriced, key => key.StartsWith("elasticache.", StringComparison.Ordinal));
        Assert.Empty(scenarios[0].Stacks.Single(s => s.Stack == "prod-us").Unpriced);
    }

    // The shipped project plus one more production stack, as a platform team adds a Region.
    private static ProjectConfiguration ProjectWithThirdStack(string stack, string region, string cidr)
    {
        var directory = Repository.CopyProject();
        File.WriteAllText(Path.Combine(directory, $"Pulumi.{stack}.yaml"), $"""
            config:
              aws:region: {region}
              securecart:home: false
              securecart:vpcCidr: {cidr}
              securecart:domain: shop.securecart.example
              securecart:paymentsApiKey:
                secure: AAABAPlaceholderCiphertextReplaceWithPulumiConfigSetSecret
              securecart:pagerEndpoint:
                secure: AAABAPlaceholderCiphertextReplaceWithPulumiConfigSetSecret
            """);
        return Repository.Load(directory);
    }
}
