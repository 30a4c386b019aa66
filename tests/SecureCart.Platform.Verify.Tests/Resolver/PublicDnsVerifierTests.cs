using System.Net;
using SecureCart.Platform.Verify.Resolver;

namespace SecureCart.Platform.Verify.Tests.Resolver;

/// <summary>The DNS check against a real name server (BIND 9 on loopback) serving right, missing and wrong records.</summary>
public sealed class PublicDnsVerifierTests
{
    private static readonly PlannedTargets s_targets = PlannedTargets.Parse(
        [$"cloudfront={TestZones.Distribution}", $"accelerator={TestZones.Accelerator}", $"apigateway:us-east-1={TestZones.UsGateway}"]);

    private static async Task<VerificationReport> VerifyAsync(string shop, PlannedTargets targets, string stack = "prod-us")
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await BindServer.StartAsync(TestZones.With(shop), ct);
        var lookup = new DnsLookup([server.EndPoint], TimeSpan.FromSeconds(2));
        return await PublicDnsVerifier.VerifyAsync(DnsExpectations.For(ProjectFixture.Load(), stack), lookup, targets, ct);
    }

    private static RecordFinding Finding(VerificationReport report, string name, string type) =>
        Assert.Single(report.Findings, f => f.Expected.Name == name && f.Expected.Type == type);

    [Fact]
    public async Task Verify_EveryNameAsPlanned_AllOk()
    {
        var report = await VerifyAsync(TestZones.RightShop, s_targets);

        Assert.True(report.Findings.All(f => f.Kind == FindingKind.Ok), string.Join("; ", report.Findings.Select(f => $"{f.Expected.Describe()} {f.Kind} {f.Detail}")));
        Assert.Equal(6, report.Findings.Length);
        Assert.Contains("reverse DNS server-192-0-2-10.fra56.r.cloudfront.net is CloudFront", Finding(report, TestZones.Shop, "A").Detail, StringComparison.Ordinal);
        Assert.Contains($"as {TestZones.UsGateway} does", Finding(report, $"gateway.{TestZones.Shop}", "A").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NoTargetsGiven_GatewayUnconfirmedButNotAProblem()
    {
        var report = await VerifyAsync(TestZones.RightShop, PlannedTargets.None);

        Assert.True(report.AllOk);
        var gateway = Finding(report, $"gateway.{TestZones.Shop}", "A");
        Assert.Equal(FindingKind.Unconfirmed, gateway.Kind);
        Assert.Contains("--target", gateway.Detail, StringComparison.Ordinal);
        Assert.Equal(FindingKind.Ok, Finding(report, $"api.{TestZones.Shop}", "A").Kind);
    }

    [Fact]
    public async Task Verify_MissingRecords_ReportsNoSuchNameAndNoSuchType()
    {
        var shop = string.Join('\n', TestZones.RightShop.Split('\n').Where(l => !l.StartsWith("api ", StringComparison.Ordinal) && !l.StartsWith("www AAAA", StringComparison.Ordinal)));

        var report = await VerifyAsync(shop, s_targets);

        Assert.False(report.AllOk);
        var api = Finding(report, $"api.{TestZones.Shop}", "A");
        Assert.Equal(FindingKind.Missing, api.Kind);
        Assert.Contains("NXDOMAIN", api.Detail, StringComparison.Ordinal);
        var wwwV6 = Finding(report, $"www.{TestZones.Shop}", "AAAA");
        Assert.Equal(FindingKind.Missing, wwwV6.Kind);
        Assert.Contains("no AAAA record", wwwV6.Detail, StringComparison.Ordinal);
        Assert.Equal(2, report.Problems.Count());
    }

    [Fact]
    public async Task Verify_WrongRecords_ReportsEachPointingElsewhere()
    {
        var shop = """
            @ A 10.1.2.3
            @ AAAA 2001:db8::10
            www CNAME shop.example.net.
            api A 192.0.2.10
            gateway A 203.0.113.5
            """;

        var report = await VerifyAsync(shop, s_targets);

        var apex = Finding(report, TestZones.Shop, "A");
        Assert.Equal(FindingKind.PointsElsewhere, apex.Kind);
        Assert.Contains("10.1.2.3, an address no one on the internet can reach", apex.Detail, StringComparison.Ordinal);
        var www = Finding(report, $"www.{TestZones.Shop}", "A");
        Assert.Equal(FindingKind.PointsElsewhere, www.Kind);
        Assert.Contains("CNAME to shop.example.net, which is not CloudFront", www.Detail, StringComparison.Ordinal);
        var api = Finding(report, $"api.{TestZones.Shop}", "A");
        Assert.Equal(FindingKind.PointsElsewhere, api.Kind);
        Assert.Contains("is CloudFront, not Accelerator", api.Detail, StringComparison.Ordinal);
        Assert.Equal(FindingKind.Ok, Finding(report, TestZones.Shop, "AAAA").Kind);
    }

    [Fact]
    public async Task Verify_AddressesDifferFromThePlannedTarget_PointsElsewhere()
    {
        var shop = TestZones.RightShop.Replace("api A 198.51.100.7\napi A 198.51.100.8", "api A 203.0.113.99", StringComparison.Ordinal);

        var report = await VerifyAsync(shop, s_targets);

        var api = Finding(report, $"api.{TestZones.Shop}", "A");
        Assert.Equal(FindingKind.PointsElsewhere, api.Kind);
        Assert.Contains($"the planned target {TestZones.Accelerator} answers 198.51.100.7, 198.51.100.8", api.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ResolverDown_EveryNameNoAnswer()
    {
        var ct = TestContext.Current.CancellationToken;
        IPEndPoint stopped;
        await using (var server = await BindServer.StartAsync(TestZones.With(TestZones.RightShop), ct))
        {
            stopped = server.EndPoint;
        }

        var report = await PublicDnsVerifier.VerifyAsync(
            DnsExpectations.For(ProjectFixture.Load(), "prod-us"), new DnsLookup([stopped], TimeSpan.FromMilliseconds(300)), PlannedTargets.None, ct);

        Assert.All(report.Findings, f => Assert.Equal(FindingKind.NoAnswer, f.Kind));
        Assert.All(report.Findings, f => Assert.Contains("TIMEOUT", f.Detail, StringComparison.Ordinal));
    }
}
