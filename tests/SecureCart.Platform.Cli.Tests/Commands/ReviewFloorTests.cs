namespace SecureCart.Platform.Cli.Tests.Commands;

public sealed class ReviewFloorTests : IDisposable
{
    private readonly string _project = CliRunner.CopyProject();

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Fact]
    public async Task Review_ScalingMinimumLowered_FloorComesFromThePlan()
    {
        // A target lowered from 4 to 2: fine for the shipped plan (floor 2), too low once tasksMin is 6 (floor 3).
        var fixture = Path.Combine(_project, "lowered.json");
        File.WriteAllText(fixture, File.ReadAllText(ReviewCommandTests.Fixture("risk/SC010-scaling-below-floor.json"))
            .Replace("\"minCapacity\": 2,", "\"minCapacity\": 4,", StringComparison.Ordinal)
            .Replace("\"minCapacity\": 1,", "\"minCapacity\": 2,", StringComparison.Ordinal));

        var (shipped, shippedOutput, _) = await CliRunner.RunAsync("review", fixture, "--project", _project, "--fail-on", "medium", "--format", "json");
        foreach (var stack in new[] { "prod-us", "prod-eu" })
        {
            File.AppendAllText(Path.Combine(_project, $"Pulumi.{stack}.yaml"), "  securecart:tasksMin: 6\n  securecart:tasksDesired: 6\n  securecart:peakMinTasksMultiplier: 2\n");
        }

        var (raised, raisedOutput, _) = await CliRunner.RunAsync("review", fixture, "--project", _project, "--fail-on", "medium", "--format", "json");

        Assert.Equal(0, shipped);
        Assert.DoesNotContain("SC010", shippedOutput);
        Assert.Equal(1, raised);
        Assert.Contains("SC010", raisedOutput);
    }
}
