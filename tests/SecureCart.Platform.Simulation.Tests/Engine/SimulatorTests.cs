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
}
