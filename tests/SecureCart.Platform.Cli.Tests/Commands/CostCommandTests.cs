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
}
