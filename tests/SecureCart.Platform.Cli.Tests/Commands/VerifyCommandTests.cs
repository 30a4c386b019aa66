using SecureCart.Platform.Verify.Tests.Resolver;

namespace SecureCart.Platform.Cli.Tests.Commands;

/// <summary><c>securecart verify</c> against a real name server on loopback.</summary>
public sealed class VerifyCommandTests
{
    private static readonly string[] s_targets =
    [
        "--target", $"cloudfront={TestZones.Distribution}",
        "--target", $"accelerator={TestZones.Accelerator}",
        "--target", $"apigateway:us-east-1={TestZones.UsGateway}",
    ];

    [Fact]
    public async Task Verify_DeployedAsPlanned_ExitsZero()
    {
        await using var server = await BindServer.StartAsync(TestZones.With(TestZones.RightShop), TestContext.Current.CancellationToken);

        var (code, output, error) = await CliRunner.RunAsync(
            ["verify", "--stack", "prod-us", "--project", CliRunner.RepositoryRoot, "--nameserver", server.EndPoint.ToString(), .. s_targets]);

        Assert.True(code == 0, output + error);
        Assert.Contains("All 6 public name(s) resolve as planned.", output);
    }

    [Fact]
    public async Task Verify_ApiAliasOfCloudFront_ExitsOneNamingTheName()
    {
        var shop = TestZones.RightShop.Replace("api A 198.51.100.7\napi A 198.51.100.8", "api A 192.0.2.10", StringComparison.Ordinal);
        await using var server = await BindServer.StartAsync(TestZones.With(shop), TestContext.Current.CancellationToken);

        var (code, output, _) = await CliRunner.RunAsync(
            ["verify", "--stack", "prod-us", "--project", CliRunner.RepositoryRoot, "--nameserver", server.EndPoint.ToString(), .. s_targets]);

        Assert.Equal(1, code);
        Assert.Contains($"POINTS ELSEWHERE api.{TestZones.Shop} A", output);
        Assert.Contains("1 of 6 public name(s) are missing or point elsewhere.", output);
    }

    [Theory]
    [InlineData("--nameserver", "localhost:53", "must be an IP address")]
    [InlineData("--target", "cdn=d1.cloudfront.net", "must be cloudfront=NAME")]
    [InlineData("--target", "apigateway=d-1.execute-api.us-east-1.amazonaws.com", "apigateway:REGION=NAME")]
    public async Task Verify_BadOption_ExitsTwoSayingWhatToPass(string option, string value, string message)
    {
        var (code, _, error) = await CliRunner.RunAsync("verify", "--stack", "prod-us", "--project", CliRunner.RepositoryRoot, option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Verify_UnknownStack_ExitsTwoListingTheStacks()
    {
        var (code, _, error) = await CliRunner.RunAsync("verify", "--stack", "prod-xx", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(2, code);
        Assert.Contains("No stack 'prod-xx': there is no Pulumi.prod-xx.yaml", error);
        Assert.Contains("Stacks: prod-eu, prod-us.", error);
    }

    [Fact]
    public async Task Verify_List_PrintsEveryNameWithoutALookup()
    {
        var (code, output, _) = await CliRunner.RunAsync("verify", "--stack", "prod-eu", "--list", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, code);
        Assert.Contains("gateway.shop.securecart.example A -> ApiGateway (latency eu-west-1, created by prod-eu)", output);
    }
}
