namespace SecureCart.Platform.Verify.Tests;

public sealed class DnsVerifierTests
{
    private const string Zone = "shop.securecart.example";
    private const string Cdn = "d111.cloudfront.net.";
    private const string Accelerator = "a123.awsglobalaccelerator.com.";
    private const string UsApi = "d-us1.execute-api.us-east-1.amazonaws.com.";

    [Fact]
    public async Task Verify_EveryRecordAsPlanned_AllOk()
    {
        var zone = new InMemoryZone(CompleteZone(), Answers());

        var report = await DnsVerifier.VerifyAsync(DnsExpectations.For(ProjectFixture.Load(), "prod-us"), zone, TestContext.Current.CancellationToken);

        Assert.True(report.AllOk, string.Join("; ", report.Problems.Select(p => $"{p.Expected.Describe()} {p.Kind} {p.Detail}")));
        Assert.Equal(6, zone.Queries.Count);
    }

    [Fact]
    public async Task Verify_WwwAaaaAbsent_ReportsMissingOnlyThatName()
    {
        var records = CompleteZone().Where(r => !(r.Name == $"www.{Zone}." && r.Type == "AAAA")).ToList();

        var report = await DnsVerifier.VerifyAsync(DnsExpectations.For(ProjectFixture.Load(), "prod-us"), new InMemoryZone(records, Answers()), TestContext.Current.CancellationToken);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((FindingKind.Missing, $"www.{Zone}", "AAAA"), (problem.Kind, problem.Expected.Name, problem.Expected.Type));
    }

    [Fact]
    public async Task Verify_ApiPointsAtCloudFront_ReportsPointsElsewhere()
    {
        var records = CompleteZone().Select(r => r.Name == $"api.{Zone}." ? r with { AliasTarget = Cdn } : r).ToList();

        var report = await DnsVerifier.VerifyAsync(DnsExpectations.For(ProjectFixture.Load(), "prod-us"), new InMemoryZone(records, Answers()), TestContext.Current.CancellationToken);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((FindingKind.PointsElsewhere, $"api.{Zone}"), (problem.Kind, problem.Expected.Name));
        Assert.Contains("not Accelerator", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EuStackWithOnlyUsLatencyRecord_ReportsEuRecordMissing()
    {
        var report = await DnsVerifier.VerifyAsync(DnsExpectations.For(ProjectFixture.Load(), "prod-eu"), new InMemoryZone(CompleteZone(), Answers()), TestContext.Current.CancellationToken);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((FindingKind.Missing, "eu-west-1"), (problem.Kind, problem.Expected.SetIdentifier));
    }

    [Fact]
    public async Task Verify_NoAnswerFromRoute53_ReportsNoAnswer()
    {
        var answers = Answers();
        answers.Remove($"{Zone} A");

        var report = await DnsVerifier.VerifyAsync(DnsExpectations.For(ProjectFixture.Load(), "prod-us"), new InMemoryZone(CompleteZone(), answers), TestContext.Current.CancellationToken);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((FindingKind.NoAnswer, Zone, "A"), (problem.Kind, problem.Expected.Name, problem.Expected.Type));
    }

    [Fact]
    public void JudgeRecord_LatencyRecordAliasingAnotherRegion_PointsElsewhere()
    {
        var expected = new ExpectedRecord($"gateway.{Zone}", "A", Plan.Edge.DnsTarget.ApiGateway, "eu-west-1", "eu-west-1", "prod-eu");
        var record = new ObservedRecord($"gateway.{Zone}.", "A", "eu-west-1", "eu-west-1", UsApi, []);

        var finding = DnsVerifier.JudgeRecord(expected, record);

        Assert.Equal(FindingKind.PointsElsewhere, finding?.Kind);
    }

    [Fact]
    public void JudgeRecord_PlainRecordInsteadOfAlias_PointsElsewhere()
    {
        var expected = new ExpectedRecord(Zone, "A", Plan.Edge.DnsTarget.CloudFront, null, null, "prod-us");

        var finding = DnsVerifier.JudgeRecord(expected, new ObservedRecord($"{Zone}.", "A", null, null, null, ["192.0.2.10"]));

        Assert.Equal(FindingKind.PointsElsewhere, finding?.Kind);
        Assert.Contains("192.0.2.10", finding!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Problem_ListsItFirstAndCountsIt()
    {
        var ok = new RecordFinding(new ExpectedRecord("a.example", "A", Plan.Edge.DnsTarget.CloudFront, null, null, "prod-us"), FindingKind.Ok, "fine");
        var missing = new RecordFinding(new ExpectedRecord("z.example", "A", Plan.Edge.DnsTarget.Accelerator, null, null, "prod-us"), FindingKind.Missing, "gone");
        using var output = new StringWriter();

        ReportWriter.Write(new VerificationReport("prod-us", "example", [ok, missing]), output);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("  MISSING", lines[1], StringComparison.Ordinal);
        Assert.Equal("1 of 2 public name(s) are missing or point elsewhere.", lines[^1]);
    }

    private static List<ObservedRecord> CompleteZone() =>
    [
        new($"{Zone}.", "A", null, null, Cdn, []),
        new($"{Zone}.", "AAAA", null, null, Cdn, []),
        new($"www.{Zone}.", "A", null, null, Cdn, []),
        new($"www.{Zone}.", "AAAA", null, null, Cdn, []),
        new($"api.{Zone}.", "A", null, null, Accelerator, []),
        new($"gateway.{Zone}.", "A", "us-east-1", "us-east-1", UsApi, []),
        new($"{Zone}.", "NS", null, null, null, ["ns-1.awsdns-01.org."]),
    ];

    private static Dictionary<string, string[]> Answers() => new()
    {
        [$"{Zone} A"] = ["192.0.2.1"],
        [$"{Zone} AAAA"] = ["2001:db8::1"],
        [$"www.{Zone} A"] = ["192.0.2.1"],
        [$"www.{Zone} AAAA"] = ["2001:db8::1"],
        [$"api.{Zone} A"] = ["198.51.100.1", "198.51.100.2"],
        [$"gateway.{Zone} A"] = ["203.0.113.5"],
    };
}
