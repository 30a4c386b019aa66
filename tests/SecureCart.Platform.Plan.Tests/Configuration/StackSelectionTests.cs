using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Plan.Tests.Configuration;

public sealed class StackSelectionTests : IDisposable
{
    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Select_KnownStack_ProjectAndSettings()
    {
        var selected = Assert.IsType<StackSelection.Selected>(StackSelection.Select(_project.Directory, "prod-eu"));

        Assert.Equal("eu-west-1", selected.Settings.Region);
        Assert.Equal(2, selected.Project.Stacks.Count);
    }

    [Fact]
    public void Select_UnknownStack_NamesTheMissingFileAndTheStacksThere()
    {
        var failed = Assert.IsType<StackSelection.Failed>(StackSelection.Select(_project.Directory, "prod-ap"));

        Assert.Equal($"No stack 'prod-ap': there is no Pulumi.prod-ap.yaml in {_project.Directory}. Stacks: prod-eu, prod-us.", Assert.Single(failed.Lines));
    }

    [Fact]
    public void Select_BrokenFile_HeadingThenEveryFaultIndented()
    {
        _project.Set("prod-eu", "securecart:trafficDial", "150");
        _project.Set("prod-us", "securecart:natStrategy", "none");

        var failed = Assert.IsType<StackSelection.Failed>(StackSelection.Select(_project.Directory, "prod-eu"));

        Assert.Equal($"The configuration in {_project.Directory} has 2 problem(s):", failed.Lines[0]);
        Assert.Equal(3, failed.Lines.Count);
        Assert.All(failed.Lines.Skip(1), l => Assert.StartsWith("  Pulumi.prod-", l, StringComparison.Ordinal));
        Assert.Contains("trafficDial", failed.Message, StringComparison.Ordinal);
    }
}
