using System.Text.Json;

namespace SecureCart.Platform.Cli.Tests.Commands;

public sealed class PlanCommandTests
{
    [Theory]
    [InlineData("prod-us", "us-east-1", true)]
    [InlineData("prod-eu", "eu-west-1", false)]
    public async Task Plan_ShippedStack_PrintsEveryPart(string stack, string region, bool home)
    {
        var (code, output, error) = await CliRunner.RunAsync("plan", "--stack", stack, "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains($"{stack} ({region}, production", output);
        foreach (var part in new[] { "network:", "compute:", "ingress:", "data", "messaging:", "workflow:", "observability:", "edge:", "tags:", "parity fingerprint sha256:" })
        {
            Assert.Contains(part, output);
        }

        Assert.Contains($"securecart-{stack}-private-a", output);
        Assert.Equal(home, output.Contains("accelerator securecart-prod-us-accelerator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_ShippedStack_ShowsTheGatewaysProtectionAndTheAlerting()
    {
        var (code, output, error) = await CliRunner.RunAsync("plan", "--stack", "prod-eu", "--project", CliRunner.RepositoryRoot);

        Assert.True(code == 0, error);
        Assert.Contains("REST API behind web ACL securecart-prod-eu-api-waf (REGIONAL); API keys on usage plans mobile 2000/4000, partners 200/400 1000000/day", output, StringComparison.Ordinal);
        Assert.Contains("alerting: 5 SLO composites over 23 metric-math alarms; paging https (pagerEndpoint); X-Ray rules /api/checkout/* 100 %, * 5 %", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_Json_IsTheWholePlan()
    {
        var (code, output, _) = await CliRunner.RunAsync("plan", "--stack", "prod-eu", "--json", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("eu-west-1", json.RootElement.GetProperty("region").GetString());
        Assert.Equal(9, json.RootElement.GetProperty("network").GetProperty("subnets").GetArrayLength());
        Assert.Equal("replica", json.RootElement.GetProperty("data").GetProperty("tables")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task Plan_UnknownStack_ExitTwoNamingTheStacks()
    {
        var (code, _, error) = await CliRunner.RunAsync("plan", "--stack", "prod-ap", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(2, code);
        Assert.Contains("No stack 'prod-ap'", error);
        Assert.Contains("prod-eu, prod-us", error);
    }

    [Fact]
    public async Task Plan_MissingProjectFolder_ExitTwo()
    {
        var (code, _, error) = await CliRunner.RunAsync("plan", "--stack", "prod-us", "--project", "/nonexistent/securecart");

        Assert.Equal(2, code);
        Assert.Contains("does not exist", error);
    }
}
