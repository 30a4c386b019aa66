using System.Text.Json;

namespace SecureCart.Platform.Cli.Tests.Commands;

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_ShippedSurge_Exit1WithTheStackFileLinesToChange()
    {
        var (code, output, _) = await CliRunner.RunAsync("simulate", "--profile", "surge-20x", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(1, code);
        Assert.Contains("verdict: BREACH", output);
        Assert.Contains("Pulumi.prod-us.yaml", output);
        Assert.Contains("Pulumi.prod-eu.yaml", output);
        Assert.Contains("verified by re-simulating", output);
    }

    [Fact]
    public async Task Simulate_NoBreach_Exit0()
    {
        var (code, output, _) = await CliRunner.RunAsync("simulate", "-p", "flash-sale", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, code);
        Assert.Contains("verdict: no breach", output);
    }

    [Fact]
    public async Task Simulate_BadProfile_Exit2WithEveryFaultAndItsLine()
    {
        var directory = CliRunner.CopyProject();
        var profile = Path.Combine(directory, "bad-profile.yaml");
        await File.WriteAllTextAsync(profile, "name: bad\ndurationMinutes: 0\ntraffic:\n  baselineRps: lots\n", TestContext.Current.CancellationToken);

        var (code, _, error) = await CliRunner.RunAsync("simulate", "--profile", profile, "--project", directory);

        Assert.Equal(2, code);
        Assert.Contains("has 3 problem(s)", error);
        Assert.Contains("bad-profile.yaml:2: durationMinutes: 0 is out of range", error);
        Assert.Contains("bad-profile.yaml:4: traffic.baselineRps: 'lots' is not a number", error);
        Assert.Contains("start: is required", error);
    }

    [Fact]
    public async Task Simulate_UnknownProfile_Exit2NamesTheShippedOnes()
    {
        var (code, _, error) = await CliRunner.RunAsync("simulate", "--profile", "cyber-tuesday", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(2, code);
        Assert.Contains("black-friday-week, flash-sale, regional-evacuation, surge-20x", error);
    }

    [Fact]
    public async Task Simulate_Json_ParsesAndCarriesTheVerdict()
    {
        var (code, output, _) = await CliRunner.RunAsync("simulate", "-p", "regional-evacuation", "--format", "json", "--no-fix", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("breached").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("scenarios").GetArrayLength());
    }

    [Fact]
    public async Task Simulate_HtmlToFileAndCharts_SelfContained()
    {
        var directory = CliRunner.CopyProject();
        var html = Path.Combine(directory, "report.html");
        var charts = Path.Combine(directory, "charts");

        var (code, output, _) = await CliRunner.RunAsync("simulate", "-p", "surge-20x", "--format", "html", "--output", html, "--charts", charts, "--project", directory);

        Assert.Equal(1, code);
        Assert.Contains("wrote", output);
        var page = await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken);
        Assert.Contains("data:image/png;base64,", page);
        Assert.DoesNotContain("src=\"http", page);
        Assert.NotEmpty(Directory.GetFiles(charts, "*.svg"));
        Assert.NotEmpty(Directory.GetFiles(charts, "*.png"));
    }
}
