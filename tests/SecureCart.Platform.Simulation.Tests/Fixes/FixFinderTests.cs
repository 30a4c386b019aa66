using System.Globalization;
using SecureCart.Platform.Simulation.Engine;
using SecureCart.Platform.Simulation.Fixes;
using SecureCart.Platform.Simulation.Profiles;

namespace SecureCart.Platform.Simulation.Tests.Fixes;

public sealed class FixFinderTests
{
    [Fact]
    public void Find_PrintedLinesAppliedToTheStackFiles_SimulateWithoutBreach()
    {
        var directory = Repository.CopyProject();
        var project = Repository.Load(directory);
        var profile = ((ProfileLoadResult.Loaded)ShippedProfiles.Load("surge-20x", Repository.StackNames(project))).Profile;
        var fix = FixFinder.Default.Find(profile, project, Simulator.Default.Run(profile, project.Stacks))!;

        foreach (var change in fix.Changes)
        {
            Apply(Path.Combine(directory, change.File), change);
        }

        var changed = Repository.Load(directory);
        Assert.All(Simulator.Default.Run(profile, changed.Stacks), s => Assert.False(s.Breached));
    }

    [Fact]
    public void Find_KeyAlreadyInTheStackFile_NamesItsLine()
    {
        var directory = Repository.CopyProject();
        var file = Path.Combine(directory, "Pulumi.prod-us.yaml");
        File.AppendAllText(file, "  securecart:apiRateLimit: 2000\n");
        var line = File.ReadAllLines(file).Length;
        var project = Repository.Load(directory);
        var profile = ((ProfileLoadResult.Loaded)ShippedProfiles.Load("surge-20x", Repository.StackNames(project))).Profile;

        var fix = FixFinder.Default.Find(profile, project, Simulator.Default.Run(profile, project.Stacks))!;

        var change = fix.Changes.Single(c => c.Stack == "prod-us" && c.Key == "securecart:apiRateLimit");
        Assert.Equal(line, change.Line);
        Assert.StartsWith($"Pulumi.prod-us.yaml:{line}: securecart:apiRateLimit: 2000 -> ", change.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Find_NoBreach_NoFix()
    {
        var project = Repository.Project();
        var profile = ((ProfileLoadResult.Loaded)ShippedProfiles.Load("flash-sale", Repository.StackNames(project))).Profile;

        Assert.Null(FixFinder.Default.Find(profile, project, Simulator.Default.Run(profile, project.Stacks)));
    }

    [Fact]
    public void PlanChange_ExistingKey_NamesItsLine()
    {
        var change = new PlanChange("prod-us", "Pulumi.prod-us.yaml", 6, "securecart:trafficDial", "100", "50");

        Assert.Equal("Pulumi.prod-us.yaml:6: securecart:trafficDial: 100 -> 50", change.ToString());
    }

    // Writes the change the way a person would from the printed line: edit the line, or add it under config:.
    private static void Apply(string path, PlanChange change)
    {
        var lines = File.ReadAllLines(path).ToList();
        var text = string.Create(CultureInfo.InvariantCulture, $"  {change.Key}: {Quote(change.To)}");
        if (change.Line > 0)
        {
            lines[change.Line - 1] = text;
        }
        else
        {
            lines.Insert(lines.FindIndex(l => l.StartsWith("config:", StringComparison.Ordinal)) + 1, text);
        }

        File.WriteAllLines(path, lines);
    }

    private static string Quote(string value) => value.Contains(':', StringComparison.Ordinal) ? $"\"{value}\"" : value;
}
