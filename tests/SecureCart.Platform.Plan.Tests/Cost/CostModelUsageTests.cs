using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Cost;

namespace SecureCart.Platform.Plan.Tests.Cost;

public sealed class CostModelUsageTests
{
    // The shipped default: edge 100 req/s and 1,500 GB; region 40 API req/s, 5 gateway req/s, 0.2 orders/s,
    // 2 reads and 0.3 writes per API request, 12 transitions per order, every request traced with 8 KB of spans,
    // 300 GB cross-AZ, 60 GB of logs.
    // A month is 730 h = 2,628,000 s.
    [Theory]
    [InlineData("cloudfront.https-10k", 262.80)]       // 100 x 2,628,000 / 10,000 x $0.0100
    [InlineData("cloudfront.gb", 127.50)]              // 1,500 GB x $0.085
    [InlineData("waf.million-requests", 157.68)]       // 262.8 M x $0.60
    [InlineData("apigateway.rest.million", 45.99)]     // 5 x 2,628,000 = 13.14 M x $3.50 (REST API, first 333 M)
    [InlineData("dynamodb.million-rru", 26.28)]        // 80 reads/s = 210.24 M x $0.125
    [InlineData("dynamodb.million-wru", 39.42)]        // 12 writes/s, twice (one other Region) = 63.072 M x $0.625
    [InlineData("stepfunctions.1k-transitions", 157.68)] // 2.4 transitions/s = 6,307.2 thousand x $0.025
    [InlineData("transfer.cross-az-gb", 6.00)]         // 300 GB, out of one zone and into the other, x $0.01
    [InlineData("cloudwatch.logs-ingest-gb", 30.00)]   // 60 GB x $0.50
    public void Estimate_DefaultUsage_HomeStackInUsEast1(string sku, double monthly)
    {
        var estimate = CostModel.Default.Estimate(PlanFixtures.Plan("prod-us"), UsageProfile.Default);

        var item = estimate.Items.Single(i => i.Sku == sku);

        Assert.Equal((decimal)monthly, item.MonthlyUsd);
        Assert.True(item.FromUsage);
        Assert.False(item.UsagePriced);
    }

    [Fact]
    public void Estimate_DefaultUsage_AddsTheUsageItemsToTheFixedFigure()
    {
        var plan = PlanFixtures.Plan("prod-us");

        var fixedOnly = CostModel.Default.Estimate(plan);
        var withUsage = CostModel.Default.Estimate(plan, UsageProfile.Default);

        var added = withUsage.Items.Where(i => i.FromUsage).Sum(i => i.MonthlyUsd);
        Assert.Equal(853.35m, added); // the per-item figures above, summed (spans have no recorded price)
        Assert.Equal(fixedOnly.MonthlyUsd + added, withUsage.MonthlyUsd);
        Assert.Equal("default", withUsage.Usage?.Name);
        Assert.DoesNotContain(withUsage.Items, i => i.UsagePriced && i.Resource.Contains("DynamoDB", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_NoUsageProfile_ListsUsageServicesAtZero()
    {
        var estimate = CostModel.Default.Estimate(PlanFixtures.Plan("prod-us"));

        Assert.Null(estimate.Usage);
        Assert.Contains(estimate.Items, i => i.UsagePriced && i.Resource == "X-Ray spans (Transaction Search)");
        Assert.DoesNotContain(estimate.Items, i => i.FromUsage);
    }

    [Fact]
    public void Estimate_Production_PricesSpansIngestedNotTracesRecorded_AndNamesTheMissingPrice()
    {
        var estimate = CostModel.Default.Estimate(PlanFixtures.Plan("prod-us"), UsageProfile.Default);

        var spans = estimate.Items.Single(i => i.Sku == "cloudwatch.spans-ingest-gb");
        Assert.Equal(802.002m, spans.Quantity); // 40 req/s x 100 % x 8 KB x 2,628,000 s / 1,048,576 KB per GB
        Assert.Equal(0m, spans.MonthlyUsd);
        Assert.Contains("cloudwatch.spans-ingest-gb", estimate.MissingPrices);
        Assert.DoesNotContain(estimate.Items, i => i.Sku == "xray.million-traces");
    }

    [Fact]
    public void Estimate_Preview_StillPricesXRayTracesRecorded()
    {
        var plan = PlanFixtures.Plan("prod-us", s => s with { Profile = SizeProfile.Preview });

        var estimate = CostModel.Default.Estimate(plan, UsageProfile.Default);

        Assert.Null(plan.Observability.TransactionSearch);
        Assert.Equal(525.60m, estimate.Items.Single(i => i.Sku == "xray.million-traces").MonthlyUsd); // 40 traces/s = 105.12 M x $5.00
        Assert.DoesNotContain(estimate.Items, i => i.Sku == "cloudwatch.spans-ingest-gb");
    }

    [Fact]
    public void Estimate_DefaultUsage_RegionalStackHasNoEdgeAndNamesItsMissingUsagePrices()
    {
        var estimate = CostModel.Default.Estimate(PlanFixtures.Plan("prod-eu"), UsageProfile.Default);

        Assert.DoesNotContain(estimate.Items, i => i.Sku.StartsWith("cloudfront", StringComparison.Ordinal));
        Assert.Contains("dynamodb.million-wru", estimate.MissingPrices);
        Assert.Equal(60 * 0.57m, estimate.Items.Single(i => i.Sku == "cloudwatch.logs-ingest-gb").MonthlyUsd);
    }
}
