using System.Text.Json;

namespace SecureCart.Platform.Cli.Tests.Commands;

public sealed class ParityCommandTests
{
    [Fact]
    public async Task Parity_SameStackInAnotherRegion_ExitsZeroAndSaysIdentical()
    {
        var (code, output, _) = await CliRunner.RunAsync(
            "parity", ReviewCommandTests.Fixture("pulumi-cli/export-aws-sg-state.json"), ReviewCommandTests.Fixture("parity/sg-state-eu.json"),
            "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, code);
        Assert.Contains("identical", output);
    }

    [Fact]
    public async Task Parity_DriftedStack_ExitsOneWithEveryDifference()
    {
        var (code, output, _) = await CliRunner.RunAsync(
            "parity", ReviewCommandTests.Fixture("pulumi-cli/export-aws-sg-state.json"), ReviewCommandTests.Fixture("parity/sg-state-eu-drifted.json"),
            "--format", "json", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("identical").GetBoolean());
        var paths = json.RootElement.GetProperty("differences").EnumerateArray()
            .Where(d => d.GetProperty("allowedBecause").ValueKind == JsonValueKind.Null)
            .Select(d => $"{d.GetProperty("name").GetString()}:{d.GetProperty("path").GetString()}")
            .ToList();
        Assert.Contains("test-sg:ingress[1].fromPort", paths);
        Assert.Contains("eu-only-queue:", paths);
    }

    [Fact]
    public async Task Parity_PreviewInsteadOfExport_ExitsTwo()
    {
        var (code, _, error) = await CliRunner.RunAsync(
            "parity", ReviewCommandTests.Fixture("pulumi-cli/preview-aws-sg-replace.json"), ReviewCommandTests.Fixture("parity/sg-state-eu.json"));

        Assert.Equal(2, code);
        Assert.Contains("expected `pulumi stack export` output", error);
    }
}
