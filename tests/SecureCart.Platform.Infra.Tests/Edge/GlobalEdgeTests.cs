namespace SecureCart.Platform.Infra.Tests.Edge;

public sealed class GlobalEdgeTests
{
    [Fact]
    public async Task HomeStack_CloudFrontApiOrigin_IsThePublicApiNameTheAlbCertificateCovers()
    {
        var plan = Plans.For("prod-us");
        var apiOrigin = plan.Edge!.CloudFront.ApiOriginDomain;

        var run = await StackRun.RunAsync("prod-us");

        var origins = ((IEnumerable<object>)run.Single("aws:cloudfront/distribution:Distribution", "cloudfront").Inputs["origins"]).Cast<IDictionary<string, object>>();
        var api = Assert.Single(origins, o => (string)o["originId"] == "api");
        Assert.Equal(apiOrigin, api["domainName"]);
        Assert.DoesNotContain("awsglobalaccelerator", (string)api["domainName"], StringComparison.Ordinal);
        // The name resolves to the accelerator, and the certificate the ALBs present names it.
        Assert.Equal(apiOrigin, run.Single("aws:route53/record:Record", "dns-api").Inputs["name"]);
        var certificate = run.Single("aws:acm/certificate:Certificate", "alb-certificate").Inputs;
        Assert.Contains(apiOrigin, ((IEnumerable<object>)certificate["subjectAlternativeNames"]).Cast<string>().Append((string)certificate["domainName"]));
    }
}
