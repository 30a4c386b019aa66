using System.Globalization;

namespace SecureCart.Platform.Infra.Tests.Edge;

public sealed class EdgeCachingTests
{
    [Fact]
    public async Task HomeStack_Distribution_PagesToTheStorefront_CatalogCachedBeforeTheApi_StaticFromTheBucket()
    {
        var cf = Plans.For("prod-us").Edge!.CloudFront;

        var run = await StackRun.RunAsync("prod-us");

        var inputs = run.Single("aws:cloudfront/distribution:Distribution", "cloudfront").Inputs;
        var defaults = (IDictionary<string, object>)inputs["defaultCacheBehavior"];
        Assert.Equal("api", defaults["targetOriginId"]);
        Assert.Contains("originRequestPolicyId", defaults.Keys); // pages see the visitor's cookies
        Assert.DoesNotContain("defaultRootObject", inputs.Keys); // "/" is the storefront's, not index.html in the bucket
        var ordered = ((IEnumerable<object>)inputs["orderedCacheBehaviors"]).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["/api/catalog/*", "/api/*", "/static/*"], ordered.Select(b => (string)b["pathPattern"]));
        // Static assets through the origin group: the bucket first, its copy in the partner region on a failure.
        Assert.Equal(["api", "api", "static-group"], ordered.Select(b => (string)b["targetOriginId"]));
        // The cached path forwards nothing but its cache key: no origin request policy, so no cookie reaches the origin.
        Assert.DoesNotContain("originRequestPolicyId", ordered[0].Keys);

        var catalog = Assert.Single(cf.DynamicCaches);
        var policy = run.Single("aws:cloudfront/cachePolicy:CachePolicy", "cache-catalog").Inputs;
        Assert.Equal(catalog.PolicyName, policy["name"]);
        Assert.Equal((double)catalog.DefaultTtlSeconds, Convert.ToDouble(policy["defaultTtl"], CultureInfo.InvariantCulture));
        Assert.Equal((double)catalog.MaxTtlSeconds, Convert.ToDouble(policy["maxTtl"], CultureInfo.InvariantCulture));
        var key = (IDictionary<string, object>)policy["parametersInCacheKeyAndForwardedToOrigin"];
        Assert.Equal("none", ((IDictionary<string, object>)key["cookiesConfig"])["cookieBehavior"]);
        Assert.Equal("none", ((IDictionary<string, object>)key["headersConfig"])["headerBehavior"]);
        Assert.Equal("all", ((IDictionary<string, object>)key["queryStringsConfig"])["queryStringBehavior"]);
    }
}
