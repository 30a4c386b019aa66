using SecureCart.Platform.Plan.Constraints;

namespace SecureCart.Platform.Cli.Tests.Commands;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _project = CliRunner.CopyProject();

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Fact]
    public async Task Check_ShippedStacks_ExitZeroIdentical()
    {
        var (code, output, _) = await CliRunner.RunAsync("check", "--project", CliRunner.RepositoryRoot);

        Assert.Equal(0, code);
        Assert.Contains("2 stack(s) valid", output);
        Assert.Contains("Plans identical", output);
        // Counted from the rule list, so a new rule does not need this line edited.
        var rules = AwsRules.All.Count;
        Assert.Contains($"AWS constraints: {rules} of {rules} rules kept", output);
        Assert.Contains("[ok] rds-replica-source-has-backups", output);
        Assert.Contains("[ok] cloudfront-origin-group-failover", output);
        Assert.Contains("[ok] fargate-spot-x86-only", output);
        Assert.Contains("(https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html)", output);
    }

    [Fact]
    public async Task Check_ProductionStackWithoutPaymentsKey_ExitTwoSayingHowToSetIt()
    {
        var file = Path.Combine(_project, "Pulumi.prod-us.yaml");
        var lines = File.ReadAllLines(file).ToList();
        var at = lines.FindIndex(l => l.TrimStart().StartsWith("securecart:paymentsApiKey:", StringComparison.Ordinal));
        lines.RemoveRange(at, 2); // the key and its "secure:" line
        File.WriteAllLines(file, lines);

        var (code, output, error) = await CliRunner.RunAsync("check", "--project", _project);

        Assert.Equal(2, code); // a stack file fault, like any other
        Assert.Contains("Pulumi.prod-us.yaml: securecart:paymentsApiKey: is required in production", output + error, StringComparison.Ordinal);
        Assert.Contains("pulumi config set --secret securecart:paymentsApiKey <key> --stack prod-us", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ProductionStackWithoutPagerEndpoint_ExitTwoSayingHowToSetIt()
    {
        var file = Path.Combine(_project, "Pulumi.prod-eu.yaml");
        var lines = File.ReadAllLines(file).ToList();
        var at = lines.FindIndex(l => l.TrimStart().StartsWith("securecart:pagerEndpoint:", StringComparison.Ordinal));
        lines.RemoveRange(at, 2); // the key and its "secure:" line
        File.WriteAllLines(file, lines);

        var (code, output, error) = await CliRunner.RunAsync("check", "--project", _project);

        Assert.Equal(2, code);
        Assert.Contains("Pulumi.prod-eu.yaml: securecart:pagerEndpoint: is required in production", output + error, StringComparison.Ordinal);
        Assert.Contains("pulumi config set --secret securecart:pagerEndpoint <the pager's HTTPS CloudWatch integration URL> --stack prod-eu", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_OneOffPeakWindowThatHasPassed_ExitOneSayingSo()
    {
        var file = Path.Combine(_project, "Pulumi.prod-eu.yaml");
        File.AppendAllLines(file, ["  securecart:peakWindowRepeat: once", "  securecart:peakWindowStart: \"2020-11-27T00:00:00Z\"", "  securecart:peakWindowEnd: \"2020-12-01T00:00:00Z\""]);

        var (code, output, _) = await CliRunner.RunAsync("check", "--project", _project);

        Assert.Equal(1, code);
        Assert.Contains("[BROKEN] one-off-schedule-in-the-future", output);
        Assert.Contains("prod-eu: peak-start at 2020-11-27 00:00Z has passed", output);
    }

    [Theory]
    [InlineData("securecart:vpcCidr: 10.10.0.0/18", "Pulumi.prod-eu.yaml:4: securecart:vpcCidr: 10.10.0.0/18 overlaps 10.10.0.0/16 of stack prod-us")]
    [InlineData("securecart:rdsReplicas: 2", "Pulumi.prod-eu.yaml:4: securecart:rdsReplicas: unknown key (did you mean 'securecart:rdsReadReplicas'?)")]
    [InlineData("securecart:redisNodeType: cache.huge", "Pulumi.prod-eu.yaml:4: securecart:redisNodeType: 'cache.huge' is not allowed")]
    [InlineData("securecart:rdsReadReplicas: 16", "Pulumi.prod-eu.yaml:4: securecart:rdsReadReplicas: 16 is out of range; use a whole number from 0 to 15")]
    public async Task Check_BrokenStackFile_ExitTwoWithPreciseMessage(string line, string expected)
    {
        var file = Path.Combine(_project, "Pulumi.prod-eu.yaml");
        var lines = File.ReadAllLines(file).ToList();
        var key = line[..line.IndexOf(':', line.IndexOf(':') + 1)];
        lines.RemoveAll(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        lines.Insert(3, "  " + line);
        File.WriteAllLines(file, lines);

        var (code, _, error) = await CliRunner.RunAsync("check", "--project", _project);

        Assert.Equal(2, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Check_UndeclaredDifference_ExitOneListingIt()
    {
        File.AppendAllText(Path.Combine(_project, "Pulumi.prod-eu.yaml"), "  securecart:rdsInstanceClass: db.r7g.xlarge\n");

        var (code, output, _) = await CliRunner.RunAsync("check", "--project", _project);

        Assert.Equal(1, code);
        Assert.Contains("prod-eu vs prod-us: data.rds.instanceClass: \"db.r7g.xlarge\" (home stack has \"db.r6g.xlarge\")", output);
    }
}
