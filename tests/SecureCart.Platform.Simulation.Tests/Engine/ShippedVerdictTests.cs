using SecureCart.Platform.Simulation.Engine;
using SecureCart.Platform.Simulation.Fixes;
using SecureCart.Platform.Simulation.Profiles;

namespace SecureCart.Platform.Simulation.Tests.Engine;

/// <summary>Each shipped profile's verdict against the shipped stacks (Pulumi.prod-us.yaml, Pulumi.prod-eu.yaml).</summary>
public sealed class ShippedVerdictTests
{
    [Theory]
    [InlineData("surge-20x", true)]
    [InlineData("flash-sale", false)]
    [InlineData("black-friday-week", false)]
    [InlineData("regional-evacuation", false)]
    public void ShippedProfile_ShippedStacks_Verdict(string name, bool breached)
    {
        var project = Repository.Project();
        var profile = ((ProfileLoadResult.Loaded)ShippedProfiles.Load(name, Repository.StackNames(project))).Profile;

        var scenarios = Simulator.Default.Run(profile, project.Stacks);

        Assert.Equal(breached, scenarios.Any(s => s.Breached));
    }

    [Fact]
    public void Surge_WithoutPrewarm_ApiThrottlesAndAutoScalingLagsBehind()
    {
        var project = Repository.Project();
        var profile = ((ProfileLoadResult.Loaded)ShippedProfiles.Load("surge-20x", Repository.StackNames(project))).Profile;

        var us = Simulator.Default.Run(profile, project.Stacks).Single().Stacks.Single(s => s.Stack == "prod-us");

        Assert.True(us.Components.Single(c => c.Name == "api-gateway").Rejected > 0);
        Assert.True(us.Components.Single(c => c.Name == "catalog").Breached);
        Assert.True(us.PeakHourlyUsd > us.HourlyUsd[0]);
        Assert.True(us.TotalUsd > 0);

        // During the ramp more arrives than the services can serve; once scaled out they can serve it all.
        Assert.Contains(Enumerable.Range(10, 10), m => us.Demand[m] > us.Capacity[m]);
        Assert.True(us.Capacity[45] >= us.Demand[45]);
    }

    [Fact]
    public void Surge_Fix_RemovesEveryBreachAndIsVerified()
    {
        var project = Repository.Project();
        var profile = ((ProfileLoadResult.Loaded)ShippedProfiles.Load("surge-20x", Repository.StackNames(project))).Profile;
        var scenarios = Simulator.Default.Run(profile, project.Stacks);

        var fix = FixFinder.Default.Find(profile, project, scenarios);

        Assert.NotNull(fix);
        Assert.True(fix.RemovesEveryBreach);
        Assert.NotEmpty(fix.Changes);
        Assert.All(fix.Verified, s => Assert.False(s.Breached));
    }
}
