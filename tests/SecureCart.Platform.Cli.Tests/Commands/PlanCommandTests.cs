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
        Assert.Contains("alerting: 5 SLO composites over 23 metric-math alarms; paging https (pagerEndpoint); X-Ray rules /api/checkout/* 100 %, * 100 %", output, StringComparison.Ordinal);
        Assert.Contains("tracing: Transaction Search, spans to CloudWatch Logs aws/spans, 1 % indexed", output, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("prod-us", "prod-eu")]
    [InlineData("prod-eu", "prod-us")]
    public async Task Plan_Text_ShowsRpoRtoTheRegionFailurePathAndTheDatabaseRoutes(string stack, string partner)
    {
        var (code, output, _) = await CliRunner.RunAsync("plan", "--stack", stack, "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, code);
        Assert.Contains($"recovery: copies kept by {partner}", output);
        Assert.Contains("RPO", output);
        Assert.Contains("RTO", output);
        foreach (var store in new[] { "PostgreSQL (orders, payments)", "DynamoDB global tables", "ElastiCache Redis", "SQS queues in flight", "S3 static assets", "Step Functions executions" })
        {
            Assert.Contains(store, output);
        }

        Assert.Contains("region-failure path", output);
        Assert.Contains("1. automatic:", output);
        Assert.Contains($"RDS Proxy securecart-{stack}-postgres-proxy: IAM auth REQUIRED", output);
        Assert.Contains($"standby securecart-{stack}-postgres-standby-{partner}: cross-Region replica of {partner}'s securecart-{partner}-postgres", output);
        Assert.Contains("writer (proxy)", output);
        Assert.Contains("replicas at the surge: 120 reader connections each, of 3244", output);
    }

    [Fact]
    public async Task Plan_Json_CarriesRecoveryProxyReadersAndTheStaticOriginGroup()
    {
        var (code, output, _) = await CliRunner.RunAsync("plan", "--stack", "prod-us", "--json", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var recovery = root.GetProperty("recovery");
        Assert.Equal("prod-eu", recovery.GetProperty("keptByStack").GetString());
        var stores = recovery.GetProperty("objectives").EnumerateArray().Select(o => o.GetProperty("store").GetString()).ToList();
        Assert.Contains("S3 static assets", stores);
        Assert.All(recovery.GetProperty("objectives").EnumerateArray(), o => Assert.False(string.IsNullOrEmpty(o.GetProperty("rpo").GetString())));
        Assert.True(recovery.GetProperty("regionFailurePath").GetArrayLength() >= 5);
        var data = root.GetProperty("data");
        Assert.InRange(data.GetProperty("proxy").GetProperty("maxConnectionsPercent").GetInt32(), 10, 90);
        Assert.Equal(["orders", "inventory"], data.GetProperty("clients").EnumerateArray().Where(c => c.GetProperty("readsFromReplicas").GetBoolean()).Select(c => c.GetProperty("service").GetString()));
        Assert.Equal("prod-eu", data.GetProperty("standby").GetProperty("sourceStack").GetString());
        var group = root.GetProperty("edge").GetProperty("cloudFront").GetProperty("staticReplication");
        Assert.Equal("eu-west-1", group.GetProperty("replicaRegion").GetString());
        Assert.Equal([500, 502, 503, 504], group.GetProperty("failoverStatusCodes").EnumerateArray().Select(c => c.GetInt32()));
    }
}
