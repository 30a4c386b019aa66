using System.Net;
using SecureCart.Platform.Plan.Edge;
using SecureCart.Platform.Verify.Resolver;

namespace SecureCart.Platform.Verify.Tests.Resolver;

public sealed class PublicAnswerJudgeTests
{
    private static readonly ExpectedRecord s_euGateway = new("gateway.shop.securecart.example", "A", DnsTarget.ApiGateway, "eu-west-1", "eu-west-1", "prod-eu");

    private static PublicAnswer Answer(string code, string[] cnames, params string[] addresses) =>
        new("gateway.shop.securecart.example", "A", code, cnames, [.. addresses.Select(IPAddress.Parse)], new Dictionary<IPAddress, IReadOnlyList<string>>());

    [Fact]
    public void Judge_LatencyRecordAnsweredByAnotherRegionsApi_OkAndSaysWhichRegion()
    {
        var finding = PublicAnswerJudge.Judge(s_euGateway, Answer("NOERROR", ["d-us1.execute-api.us-east-1.amazonaws.com"], "203.0.113.5"));

        Assert.Equal(FindingKind.Ok, finding.Kind);
        Assert.Contains("latency routing answered us-east-1 from here", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_LatencyRecordNotAtTheTargetsAddresses_UnconfirmedNotWrong()
    {
        var target = Answer("NOERROR", [], "203.0.113.77") with { Name = "d-eu1.execute-api.eu-west-1.amazonaws.com" };

        var finding = PublicAnswerJudge.Judge(s_euGateway, Answer("NOERROR", [], "203.0.113.5"), target);

        Assert.Equal(FindingKind.Unconfirmed, finding.Kind);
    }

    [Fact]
    public void Judge_ServerFailure_NoAnswer()
    {
        var finding = PublicAnswerJudge.Judge(s_euGateway, Answer("SERVFAIL", []));

        Assert.Equal((FindingKind.NoAnswer, "the resolver answers SERVFAIL"), (finding.Kind, finding.Detail));
    }

    [Theory]
    [InlineData("10.0.0.1", true)]
    [InlineData("172.31.255.1", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("13.32.99.1", false)]
    [InlineData("2600:9000::1", false)]
    public void IsPrivate_Address(string address, bool expected) => Assert.Equal(expected, PublicAnswerJudge.IsPrivate(IPAddress.Parse(address)));

    [Fact]
    public void PlannedTargets_Parse_KeysByKindAndRegion()
    {
        var targets = PlannedTargets.Parse(["CloudFront=D1.cloudfront.net.", "apigateway:eu-west-1=d-eu1.execute-api.eu-west-1.amazonaws.com"]);

        Assert.Equal("d1.cloudfront.net", targets.For(DnsTarget.CloudFront, null));
        Assert.Equal("d-eu1.execute-api.eu-west-1.amazonaws.com", targets.For(DnsTarget.ApiGateway, "eu-west-1"));
        Assert.Null(targets.For(DnsTarget.ApiGateway, "us-east-1"));
        Assert.Null(targets.For(DnsTarget.Accelerator, null));
    }

    [Theory]
    [InlineData("cloudfront")]
    [InlineData("cloudfront=")]
    [InlineData("accelerator:us-east-1=a.awsglobalaccelerator.com")]
    [InlineData("apigateway=d-1.execute-api.us-east-1.amazonaws.com")]
    public void PlannedTargets_Parse_BadSpecSaysTheForm(string spec)
    {
        var error = Assert.Throws<FormatException>(() => PlannedTargets.Parse([spec]));

        Assert.Contains("cloudfront=NAME, accelerator=NAME or apigateway:REGION=NAME", error.Message, StringComparison.Ordinal);
    }
}
