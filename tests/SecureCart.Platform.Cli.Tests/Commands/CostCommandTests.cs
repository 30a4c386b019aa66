using System.Globalization;
using System.Text.Json;

namespace SecureCart.Platform.Cli.Tests.Commands;

public sealed class CostCommandTests
{
    [Fact]
    public async Task Cost_Table_ItemsAndTotal()
    {
        var (code, output, _) = await CliRunner.RunAsync("cost", "--stack", "prod-eu", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, code);
        Assert.Contains("PostgreSQL primary (db.r6g.xlarge)", output);
        Assert.Contains("NAT gateways", output);
        Assert.Contains("total", output);
        Assert.Contains("prices as of 2025-06-01", output);
    }

    [Fact]
    public async Task Cost_Json_TotalIsTheSumOfItems()
    {
        var (code, output, _) = await CliRunner.RunAsync("cost", "--stack", "prod-us", "--json", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("monthlyUsd").GetDecimal());
        Assert.Equal(items, json.RootElement.GetProperty("monthlyUsd").GetDecimal());
        Assert.True(decimal.Parse(json.RootElement.GetProperty("hourlyUsd").ToString(), CultureInfo.InvariantCulture) > 1m);
    }

    [Fact]
    public async Task Cost_DefaultUsage_EstimatesUsageServicesAndShowsTheSavingsScenario()
    {
        var (code, output, _) = await CliRunner.RunAsync("cost", "--stack", "prod-us", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, code);
        Assert.Contains("CloudFront HTTPS requests", output);
        Assert.Contains("262.80", output);
        Assert.Contains("usage profile 'default'", output);
        Assert.Contains("Savings Plans sized to the on-demand floor", output);
    }

    [Fact]
    public async Task Cost_Json_CarriesUsageProfileAndSavingsPlans()
    {
        var (code, output, _) = await CliRunner.RunAsync("cost", "--stack", "prod-us", "--json", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(100m, json.RootElement.GetProperty("usage").GetProperty("edgeRequestsPerSecond").GetDecimal());
        var plans = json.RootElement.GetProperty("savingsPlans");
        Assert.True(plans.GetProperty("computeSavingsMonthlyUsd").GetDecimal() > 0);
        Assert.Equal(
            json.RootElement.GetProperty("monthlyUsd").GetDecimal() - plans.GetProperty("savingsMonthlyUsd").GetDecimal(),
            plans.GetProperty("withPlansMonthlyUsd").GetDecimal());
        Assert.Contains(json.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("fromUsage").GetBoolean());
    }

    [Fact]
    public async Task Cost_UsageFile_UsedAndABrokenOneRefusedWithTheField()
    {
        var directory = Directory.CreateTempSubdirectory("usage-");
        var good = Path.Combine(directory.FullName, "usage.quiet.yaml");
        await File.WriteAllTextAsync(good, """
            edge: { requestsPerSecond: 1, egressGbPerMonth: 10 }
            region: { apiRequestsPerSecond: 1, gatewayRequestsPerSecond: 0, ordersPerSecond: 0.01, dynamoReadsPerApiRequest: 1, dynamoWritesPerApiRequest: 0.1, stateTransitionsPerOrder: 12, tracedRequestShare: 0.05, spanKbPerTracedRequest: 8, crossAzGbPerMonth: 1, logGbPerMonth: 1 }
            """, TestContext.Current.CancellationToken);
        var bad = Path.Combine(directory.FullName, "usage.bad.yaml");
        await File.WriteAllTextAsync(bad, (await File.ReadAllTextAsync(good, TestContext.Current.CancellationToken)).Replace("tracedRequestShare: 0.05", "tracedRequestShare: 7", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (goodCode, goodOutput, _) = await CliRunner.RunAsync("cost", "--stack", "prod-us", "--usage", good, "--project", CliRunner.RepositoryRoot);
        var (badCode, _, badError) = await CliRunner.RunAsync("cost", "--stack", "prod-us", "--usage", bad, "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, goodCode);
        Assert.Contains("usage profile 'usage.quiet.yaml'", goodOutput);
        Assert.Equal(2, badCode);
        Assert.Contains("usage.bad.yaml:2: region.tracedRequestShare: is a share", badError);
        directory.Delete(recursive: true);
    }
}
