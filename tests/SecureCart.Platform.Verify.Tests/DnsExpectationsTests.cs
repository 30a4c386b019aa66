using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Verify.Tests;

public sealed class DnsExpectationsTests
{
    [Fact]
    public void For_HomeStack_ListsApexWwwApiAndItsOwnLatencyRecord()
    {
        var project = ProjectFixture.Load();

        var expectations = DnsExpectations.For(project, "prod-us");

        Assert.Equal("shop.securecart.example", expectations.HostedZone);
        Assert.Equal(
            [
                "shop.securecart.example A CloudFront", "www.shop.securecart.example A CloudFront",
                "shop.securecart.example AAAA CloudFront", "www.shop.securecart.example AAAA CloudFront",
                "api.shop.securecart.example A Accelerator", "gateway.shop.securecart.example A ApiGateway",
            ],
            expectations.Records.Select(r => $"{r.Name} {r.Type} {r.Target}"));
        var latency = Assert.Single(expectations.Records, r => r.Target == DnsTarget.ApiGateway);
        Assert.Equal(("us-east-1", "us-east-1", "prod-us"), (latency.SetIdentifier, latency.Region, latency.OwnerStack));
    }

    [Fact]
    public void For_OtherStack_KeepsGlobalNamesOwnedByHomeAndAddsItsRegion()
    {
        var project = ProjectFixture.Load();

        var expectations = DnsExpectations.For(project, "prod-eu");

        Assert.All(expectations.Records.Where(r => r.Target != DnsTarget.ApiGateway), r => Assert.Equal("prod-us", r.OwnerStack));
        var latency = Assert.Single(expectations.Records, r => r.Target == DnsTarget.ApiGateway);
        Assert.Equal(("eu-west-1", "eu-west-1", "prod-eu"), (latency.SetIdentifier, latency.Region, latency.OwnerStack));
    }

    [Fact]
    public void For_UnknownStack_Throws()
    {
        var project = ProjectFixture.Load();

        Assert.Throws<ArgumentException>(() => DnsExpectations.For(project, "prod-ap"));
    }
}
