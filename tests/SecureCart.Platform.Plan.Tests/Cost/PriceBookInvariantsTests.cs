using System.Text;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Tests.Cost;

/// <summary>The price file's own rules, checked on the shipped file and shown to catch a broken one.</summary>
public sealed class PriceBookInvariantsTests
{
    [Fact]
    public void Default_HoldsEveryInvariant()
    {
        Assert.Empty(PriceBookInvariants.Check(PriceBook.Default, RegionCatalog.Default));
    }

    [Fact]
    public void Default_CoversEveryCommercialRegion_PricedOrNamedUnpricedPerKey()
    {
        var prices = PriceBook.Default;

        foreach (var region in RegionCatalog.Default.Regions)
        {
            foreach (var key in PriceKeys.All)
            {
                var priced = prices.Find(region, key) is not null;
                var unpriced = prices.Unpriced(region).Contains(key);
                Assert.True(priced ^ unpriced, $"{region} {key}: priced={priced}, listed unpriced={unpriced}");
            }
        }
    }

    [Fact]
    public void Default_PricesRegionsBeyondTheFirstThree()
    {
        var prices = PriceBook.Default;

        Assert.True(prices.Regions.Count() > 3);
        Assert.Equal(0.247m, prices.Find("ap-southeast-1", "elasticache.cache.r6g.large.hour"));
        Assert.Null(prices.Find("ap-east-1", "elasticache.cache.r7g.large.hour"));
        Assert.Contains("elasticache.cache.r7g.large.hour", prices.Unpriced("ap-east-1"));
    }

    [Theory]
    [InlineData("\"alb.hour\": 0", "not positive")]
    [InlineData("\"alb.hour\": -0.02", "not positive")]
    [InlineData("\"lb.hour\": 0.02", "not a key the cost model knows")]
    [InlineData("\"fargate.spot-factor\": 1.3", "factor")]
    public void Check_BrokenPrice_NamesTheRegionAndKey(string entry, string expected)
    {
        var book = Book($$"""{ "us-east-1": { {{entry}} } }""", """{ "us-east-1": [] }""");

        var faults = PriceBookInvariants.Check(book, Catalog("us-east-1"));

        Assert.Contains(faults, f => f.Contains("us-east-1", StringComparison.Ordinal) && f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_KeyNeitherPricedNorListed_IsAFault()
    {
        var book = Book("""{ "us-east-1": { "alb.hour": 0.0225 } }""", """{ "us-east-1": ["natgateway.hour"] }""");

        var faults = PriceBookInvariants.Check(book, Catalog("us-east-1"));

        Assert.Contains(faults, f => f.Contains("us-east-1", StringComparison.Ordinal) && f.Contains("kms.key-month", StringComparison.Ordinal) && f.Contains("neither priced nor listed", StringComparison.Ordinal));
        Assert.DoesNotContain(faults, f => f.Contains("natgateway.hour", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_KeyPricedAndListedUnpriced_IsAFault()
    {
        var book = Book("""{ "us-east-1": { "alb.hour": 0.0225 } }""", """{ "us-east-1": ["alb.hour"] }""");

        var faults = PriceBookInvariants.Check(book, Catalog("us-east-1"));

        Assert.Contains(faults, f => f.Contains("alb.hour", StringComparison.Ordinal) && f.Contains("both priced and listed", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RegionTheCatalogDoesNotKnow_IsAFault()
    {
        var book = Book("""{ "mars-north-1": { "alb.hour": 0.0225 } }""", """{ "mars-north-1": [] }""");

        var faults = PriceBookInvariants.Check(book, Catalog("us-east-1"));

        Assert.Contains(faults, f => f.Contains("mars-north-1", StringComparison.Ordinal) && f.Contains("Network/regions.json", StringComparison.Ordinal));
    }

    private static PriceBook Book(string regions, string unpriced) =>
        PriceBook.Parse(new MemoryStream(Encoding.UTF8.GetBytes($$"""
            { "source": "test", "asOf": "2026-11-30", "hoursPerMonth": 730,
              "global": { "globalaccelerator.hour": 0.025 }, "regions": {{regions}}, "unpriced": {{unpriced}} }
            """)));

    private static RegionCatalog Catalog(params string[] regions) =>
        RegionCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes($$"""
            { "asOf": "2026-11-30", "defaultZones": 3, "regions": { {{string.Join(", ", regions.Select(r => $"\"{r}\": 3"))}} } }
            """)));
}
