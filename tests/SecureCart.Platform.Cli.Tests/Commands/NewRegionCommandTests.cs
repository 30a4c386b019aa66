using System.Text.Json;

namespace SecureCart.Platform.Cli.Tests.Commands;

/// <summary>A third stack file for a Region the price file does not cover: every command still works.</summary>
public sealed class NewRegionCommandTests
{
    private static string ProjectWithSingapore()
    {
        var directory = CliRunner.CopyProject();
        File.WriteAllText(
            Path.Combine(directory, "Pulumi.prod-ap.yaml"),
            "config:\n  aws:region: ap-southeast-1\n  securecart:vpcCidr: 10.30.0.0/16\n  securecart:domain: shop.securecart.example\n  securecart:paymentsApiKey:\n    secure: AAABAPlaceholderCiphertextReplaceWithPulumiConfigSetSecret\n  securecart:pagerEndpoint:\n    secure: AAABAPlaceholderCiphertextReplaceWithPulumiConfigSetSecret\n");
        return directory;
    }

    [Fact]
    public async Task Plan_SingaporeStackFile_Plans()
    {
        var (code, output, error) = await CliRunner.RunAsync("plan", "--stack", "prod-ap", "--project", ProjectWithSingapore());

        Assert.True(code == 0, error);
        Assert.Contains("ap-southeast-1", output);
        Assert.Contains("zone-3", output);
    }

    [Fact]
    public async Task Cost_SingaporeStackFile_EstimatesAndNamesTheUnknownPrices()
    {
        var (code, output, error) = await CliRunner.RunAsync("cost", "--stack", "prod-ap", "--project", ProjectWithSingapore());

        Assert.True(code == 0, error);
        Assert.Contains("(unknown)", output);
        Assert.Contains("No ap-southeast-1 price in Cost/prices.json for:", output);
        Assert.Contains("natgateway.hour", output);
    }

    [Fact]
    public async Task CostJson_SingaporeStackFile_SaysIncompleteAndListsMissingPrices()
    {
        var (code, output, _) = await CliRunner.RunAsync("cost", "--stack", "prod-ap", "--json", "--project", ProjectWithSingapore());

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("complete").GetBoolean());
        Assert.Contains("natgateway.hour", json.RootElement.GetProperty("missingPrices").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Check_ThreeStacks_ValidAndIdentical()
    {
        var (code, output, error) = await CliRunner.RunAsync("check", "--project", ProjectWithSingapore());

        Assert.True(code == 0, output + error);
        Assert.Contains("3 stack(s) valid", output);
        Assert.Contains("prod-ap (ap-southeast-1)", output);
    }
}
