using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Data;
using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Plan.Tests.Edge;

public sealed class EdgeCachePlannerTests
{
    [Fact]
    public void Plan_Shipped_CachesCatalogGetsBrieflyKeyedOnQueryStringOnly()
    {
        var cf = PlanFixtures.Plan("prod-us").Edge!.CloudFront;

        var catalog = Assert.Single(cf.DynamicCaches);
        Assert.Equal(("catalog", "/api/catalog/*", "securecart-prod-us-catalog-cache"), (catalog.Service, catalog.PathPattern, catalog.PolicyName));
        Assert.Equal((0, 60, 300), (catalog.MinTtlSeconds, catalog.DefaultTtlSeconds, catalog.MaxTtlSeconds));
        // No cookie or header in the key: nothing a visitor sends can make a cached response personal.
        Assert.Equal(("all", "none", "none"), (catalog.QueryStringBehavior, catalog.CookieBehavior, catalog.HeaderBehavior));
    }

    [Fact]
    public void Plan_Shipped_PagesGoToTheStorefrontAndOnlyStaticPathsToTheBucket()
    {
        var plan = PlanFixtures.Plan("prod-us");
        var cf = plan.Edge!.CloudFront;

        Assert.Equal(CloudFrontPlan.ApiOrigin, cf.DefaultOrigin);
        Assert.Equal("/static/*", cf.StaticPathPattern);
        // The ALB's default service, where "/" and every page land, is the storefront.
        Assert.Equal("storefront", plan.Ingress.LoadBalancer.DefaultService);
    }

    [Fact]
    public void Plan_EveryCachedService_ReadsNoPerVisitorTableAndChangesNothingElse()
    {
        var perVisitor = TableDefinition.All.Where(t => t.Traffic == TableTraffic.FollowsVisitors).Select(t => t.LogicalName).ToHashSet();
        var cached = PlanFixtures.Plan("prod-us").Edge!.CloudFront.DynamicCaches.Select(c => c.Service).ToHashSet();

        foreach (var service in ServiceCatalog.Services.Where(s => s.PathPattern is not null))
        {
            // A network grant (the shared Redis cache) holds no per-visitor answer; table reads decide.
            var data = service.Access.Where(a => !a.IsNetwork).ToList();
            bool shared = data.All(a => a.Kind is AccessKind.TableRead or AccessKind.TableReadWrite && !perVisitor.Contains(a.Resource));
            Assert.Equal(shared && data.Count > 0, cached.Contains(service.Name));
        }

        // Cart, checkout and orders answer per visitor or change state: never cached.
        Assert.DoesNotContain("cart", cached);
        Assert.DoesNotContain("checkout", cached);
        Assert.DoesNotContain("orders", cached);
    }

    [Fact]
    public void Plan_EveryCachePolicy_IsAHomeOnlyResource()
    {
        var plan = PlanFixtures.Plan("prod-us");

        Assert.All(plan.Edge!.CloudFront.DynamicCaches, c => Assert.Contains($"cache-{c.Service}", plan.HomeOnlyLogicalNames));
    }
}
