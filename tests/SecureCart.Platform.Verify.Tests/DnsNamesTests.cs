using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Verify.Tests;

public sealed class DnsNamesTests
{
    [Theory]
    [InlineData("d111111abcdef8.cloudfront.net.", DnsTarget.CloudFront, null)]
    [InlineData("a1234567890abcdef.awsglobalaccelerator.com", DnsTarget.Accelerator, null)]
    [InlineData("D-ABC123.execute-api.eu-west-1.amazonaws.com.", DnsTarget.ApiGateway, "eu-west-1")]
    public void Classify_KnownEndpoint_ReturnsTargetAndRegion(string name, DnsTarget target, string? region)
    {
        var result = DnsNames.Classify(name);

        Assert.Equal((target, region), result);
    }

    [Theory]
    [InlineData("internal-securecart-alb-1.us-east-1.elb.amazonaws.com")]
    [InlineData("cloudfront.net.example.org")]
    [InlineData("abc.execute-api.us-east-1.amazonaws.com")]
    public void Classify_OtherName_ReturnsNull(string name)
    {
        Assert.Null(DnsNames.Classify(name));
    }
}
