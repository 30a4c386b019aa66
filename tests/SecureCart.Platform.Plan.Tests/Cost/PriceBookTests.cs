using System.Globalization;
using System.Text.Json;
using SecureCart.Platform.Plan.Cost;

namespace SecureCart.Platform.Plan.Tests.Cost;

/// <summary>
/// The shipped price file against the figures read from each source named in its <c>sources</c>, so a typo in a
/// transcribed figure, a figure copied from another Region or a source line without its date fails here.
/// </summary>
public sealed class PriceBookTests
{
    [Theory]
    // skypilot-org/skypilot-catalog catalogs/v7/aws/vms.csv (EC2 on demand, Linux).
    [InlineData("ap-southeast-1", "ec2.c7g.large.hour", "0.0833")]
    [InlineData("us-east-2", "ec2.c7g.large.hour", "0.0723")]
    [InlineData("ap-south-1", "ec2.c6g.large.hour", "0.0426")]
    [InlineData("af-south-1", "ec2.c6i.large.hour", "0.114")]
    [InlineData("me-central-1", "ec2.m7g.large.hour", "0.1")]
    [InlineData("eu-central-1", "ec2.m7i.large.hour", "0.12075")]
    [InlineData("ca-central-1", "ec2.c7i.large.hour", "0.09765")]
    // LeanerCloud/ec2-instances-info data/elasticache-instances.json, 2025-04-24 (Redis OSS on demand).
    [InlineData("ap-southeast-1", "elasticache.cache.r7g.large.hour", "0.263")]
    [InlineData("mx-central-1", "elasticache.cache.t4g.medium.hour", "0.06825")]
    [InlineData("il-central-1", "elasticache.cache.t4g.micro.hour", "0.0179")]
    [InlineData("eu-south-2", "elasticache.cache.r7g.xlarge.hour", "0.487")]
    [InlineData("sa-east-1", "elasticache.cache.r6g.large.hour", "0.41")]
    // vantage-sh/ec2instances.info www/rds/instances.json, 2021-08-03 (PostgreSQL, single-AZ).
    [InlineData("ap-southeast-1", "rds.db.r6g.xlarge.hour", "0.54")]
    [InlineData("sa-east-1", "rds.db.r6g.large.hour", "0.468")]
    [InlineData("eu-north-1", "rds.db.r6g.2xlarge.hour", "0.924")]
    [InlineData("us-west-1", "rds.db.r6g.large.hour", "0.252")]
    // theuves/fgcalc src/utils/data.js, 2021-01-10 (Fargate Linux/x86).
    [InlineData("ap-southeast-1", "fargate.vcpu-hour.x86_64", "0.05056")]
    [InlineData("ap-southeast-1", "fargate.gb-hour.x86_64", "0.00553")]
    [InlineData("sa-east-1", "fargate.vcpu-hour.x86_64", "0.0696")]
    [InlineData("me-south-1", "fargate.gb-hour.x86_64", "0.0058")]
    [InlineData("ca-central-1", "fargate.vcpu-hour.x86_64", "0.04456")]
    // aws.amazon.com/kms/pricing: one key price, no Region table (a global entry).
    [InlineData("ap-east-2", "kms.key-month", "1.0")]
    [InlineData("il-central-1", "kms.key-month", "1.0")]
    public void Default_RegionBeyondTheFirstThree_HoldsTheFigureItsSourceGives(string region, string key, string expected)
    {
        var price = PriceBook.Default.Find(region, key);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), price);
        Assert.DoesNotContain(key, PriceBook.Default.Unpriced(region));
    }

    [Theory]
    // eu-west-1 EC2 and ElastiCache follow the generated tabulations (the figures read earlier for c7g.large and
    // m7i.large were eu-north-1's); its RDS figure stays as read on asOf, newer than the 2021 RDS tabulation.
    [InlineData("eu-west-1", "ec2.c7g.large.hour", "0.0775")]
    [InlineData("eu-west-1", "ec2.m7i.large.hour", "0.11235")]
    [InlineData("eu-west-1", "elasticache.cache.t4g.micro.hour", "0.017")]
    [InlineData("eu-west-1", "rds.db.r6g.large.hour", "0.249")]
    public void Default_FullyPricedRegion_HoldsTheFigureItsNewestSourceGives(string region, string key, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), PriceBook.Default.Find(region, key));
    }

    [Theory]
    [InlineData("ap-southeast-1", "fargate.vcpu-hour.arm64")] // the Fargate table predates Graviton on Fargate
    [InlineData("ap-southeast-1", "rds.db.r7g.large.hour")] // the RDS table predates db.r7g
    [InlineData("ap-east-1", "rds.db.r6g.large.hour")] // no PostgreSQL row there
    [InlineData("ap-east-1", "elasticache.cache.r7g.large.hour")] // no row in the 2025 tabulation
    [InlineData("sa-east-1", "ec2.c7g.large.hour")] // no row in the EC2 catalog
    [InlineData("eu-central-2", "ec2.c6g.large.hour")]
    [InlineData("ap-southeast-1", "natgateway.hour")] // no source tabulates it per Region
    public void Default_KeyNoSourceGaveForTheRegion_StaysUnpriced(string region, string key)
    {
        Assert.Null(PriceBook.Default.Find(region, key));
        Assert.Contains(key, PriceBook.Default.Unpriced(region));
    }

    [Fact]
    public void Default_KmsKeyPrice_IsOneGlobalEntry()
    {
        var prices = PriceBook.Default;

        Assert.Equal(1.0m, prices.Global["kms.key-month"]);
        Assert.All(prices.Regions, r => Assert.False(prices.RegionPrices(r).ContainsKey("kms.key-month"), r));
        Assert.All(prices.UnpricedRegions, r => Assert.DoesNotContain("kms.key-month", prices.Unpriced(r)));
    }

    [Fact]
    public void Default_EverySourceThatNamesACommit_GivesItsDate()
    {
        using var stream = typeof(PriceBook).Assembly.GetManifestResourceStream("SecureCart.Platform.Plan.Cost.prices.json")!;
        using var document = JsonDocument.Parse(stream);

        var sources = document.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetString()!).ToList();

        var cited = sources.Where(s => s.Contains("commit", StringComparison.Ordinal)).ToList();
        Assert.True(cited.Count >= 5, $"expected the repositories behind the prices to be cited, found {cited.Count}");
        Assert.All(cited, s => Assert.Matches(@"\b20\d\d-\d\d(-\d\d)?\b", s));
    }
}
