using SecureCart.Platform.Plan.Cost;

namespace SecureCart.Platform.Plan.Tests.Cost;

public sealed class UsageProfileLoaderTests
{
    private const string Valid = """
        edge:
          requestsPerSecond: 10
          egressGbPerMonth: 100
        region:
          apiRequestsPerSecond: 4
          gatewayRequestsPerSecond: 1
          ordersPerSecond: 0.1
          dynamoReadsPerApiRequest: 2
          dynamoWritesPerApiRequest: 0.5
          stateTransitionsPerOrder: 10
          tracedRequestShare: 0.1
          spanKbPerTracedRequest: 6
          crossAzGbPerMonth: 20
          logGbPerMonth: 5
        """;

    [Fact]
    public void Default_IsTheShippedHundredRequestShop()
    {
        var profile = UsageProfile.Default;

        Assert.Equal("default", profile.Name);
        Assert.Equal(100m, profile.EdgeRequestsPerSecond);
        Assert.Equal(1m, profile.TracedRequestShare);
        Assert.Equal(8m, profile.SpanKbPerTracedRequest);
    }

    [Fact]
    public void Parse_ValidFile_ReadsEveryField()
    {
        var result = UsageProfileLoader.Parse(new StringReader(Valid), "usage.shop.yaml");

        var profile = Assert.IsType<UsageProfileLoadResult.Loaded>(result).Profile;
        Assert.Equal(new UsageProfile("usage.shop.yaml", 10, 100, 4, 1, 0.1m, 2, 0.5m, 10, 0.1m, 6, 20, 5), profile);
    }

    [Theory]
    [InlineData("apiRequestsPerSecond: 4", "apiRequestPerSecond: 4", "region.apiRequestPerSecond", "did you mean 'apiRequestsPerSecond'?")]
    [InlineData("logGbPerMonth: 5", "logGbPerMonth: -5", "region.logGbPerMonth", "must be zero or more, not -5")]
    [InlineData("tracedRequestShare: 0.1", "tracedRequestShare: 5", "region.tracedRequestShare", "is a share: write a number from 0 to 1, not 5")]
    [InlineData("ordersPerSecond: 0.1", "ordersPerSecond: lots", "region.ordersPerSecond", "must be a number, not 'lots'")]
    [InlineData("egressGbPerMonth: 100", "egressGb: 100", "edge.egressGbPerMonth", "is missing")]
    [InlineData("edge:", "edges:", "edges", "did you mean 'edge'?")]
    public void Parse_BrokenFile_RefusedNamingTheField(string good, string bad, string field, string message)
    {
        var result = UsageProfileLoader.Parse(new StringReader(Valid.Replace(good, bad, StringComparison.Ordinal)), "usage.shop.yaml");

        var faults = Assert.IsType<UsageProfileLoadResult.Rejected>(result).Faults;
        var fault = Assert.Single(faults, f => f.Key == field);
        Assert.Contains(message, fault.Message, StringComparison.Ordinal);
        Assert.StartsWith("usage.shop.yaml", fault.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_RefusedWithThePath()
    {
        var result = UsageProfileLoader.Load("/nonexistent/usage.yaml");

        var fault = Assert.Single(Assert.IsType<UsageProfileLoadResult.Rejected>(result).Faults);
        Assert.Contains("/nonexistent/usage.yaml", fault.Message, StringComparison.Ordinal);
    }
}
