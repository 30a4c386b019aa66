using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Cost;

namespace SecureCart.Platform.Plan.Tests.Cost;

public sealed class CostModelTests
{
    [Theory]
    [InlineData("us-east-1")]
    [InlineData("us-west-2")]
    [InlineData("eu-west-1")]
    public void PriceBook_FullyPricedRegions_PriceEveryAllowedClass(string region)
    {
        var prices = PriceBook.Default;

        Assert.All(InstanceClasses.Rds, c => Assert.NotNull(prices.Find(region, $"rds.{c}.hour")));
        Assert.All(InstanceClasses.Redis, c => Assert.NotNull(prices.Find(region, $"elasticache.{c}.hour")));
        Assert.All(InstanceClasses.Workers(Platform.Plan.Compute.CpuArchitecture.Arm64).Concat(InstanceClasses.Workers(Platform.Plan.Compute.CpuArchitecture.X64)), t => Assert.NotNull(prices.Find(region, $"ec2.{t}.hour")));
        // Only usage prices, and RDS Proxy's where no citable figure for the Region was found, may be missing.
        Assert.All(prices.Unpriced(region), k => Assert.Contains(k, PriceKeys.Usage.Append("rds.proxy.vcpu-hour")));
        Assert.Contains("aws.amazon.com", prices.Source);
        Assert.Equal(730, prices.HoursPerMonth);
    }

    // Figures read again from the public pricing pages on 2026-11-30 (Cost/prices.json 'sources' says where): a
    // refresh that brings back an older figure, or drops a confirmed Region, fails here.
    [Theory]
    [InlineData("us-east-1", "stepfunctions.1k-transitions", 0.025)]
    [InlineData("us-west-2", "stepfunctions.1k-transitions", 0.025)]
    [InlineData("eu-west-1", "stepfunctions.1k-transitions", 0.025)]
    [InlineData("us-west-1", "stepfunctions.1k-transitions", 0.0279)]
    [InlineData("sa-east-1", "stepfunctions.1k-transitions", 0.0375)]
    [InlineData("ap-south-1", "stepfunctions.1k-transitions", 0.0285)]
    [InlineData("us-east-1", "xray.million-traces", 5.0)]
    [InlineData("us-east-1", "apigateway.rest.million", 3.5)]
    [InlineData("us-east-1", "dynamodb.million-wru", 0.625)] // after the November 2024 halving, not the older 1.25
    [InlineData("us-east-1", "dynamodb.million-rru", 0.125)] // not the older 0.25
    [InlineData("us-east-1", "cloudwatch.logs-ingest-gb", 0.5)]
    [InlineData("us-east-1", "transfer.cross-az-gb", 0.01)]
    [InlineData("us-east-1", "cloudfront.gb", 0.085)]
    [InlineData("us-east-1", "waf.million-requests", 0.6)]
    [InlineData("us-east-1", "rds.proxy.vcpu-hour", 0.015)]
    [InlineData("eu-west-2", "rds.proxy.vcpu-hour", 0.017)]
    public void PriceBook_UsagePricesReadAgain_MatchTheirSources(string region, string key, double price)
    {
        Assert.Equal((decimal)price, PriceBook.Default.Find(region, key));
    }

    [Fact]
    public void PriceBook_Sources_SayWhichUsagePricesWereConfirmedAndFromWhere()
    {
        using var stream = typeof(PriceBook).Assembly.GetManifestResourceStream("SecureCart.Platform.Plan.Cost.prices.json")!;
        using var document = System.Text.Json.JsonDocument.Parse(stream);
        var sources = string.Join("\n", document.RootElement.GetProperty("sources").EnumerateArray().Select(e => e.GetString()));

        Assert.Contains("read again on 2026-11-30", sources, StringComparison.Ordinal);
        Assert.Contains("aws.amazon.com/step-functions/pricing/", sources, StringComparison.Ordinal);
        Assert.Contains("NOT re-confirmed", sources, StringComparison.Ordinal);
        Assert.Contains("aws/amazon-ecs-ami", sources, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_RdsPrimary_MultiAzBilledTwiceReplicasOnce()
    {
        var estimate = CostModel.Default.Estimate(PlanFixtures.Plan("prod-us"));

        var primary = estimate.Items.Single(i => i.Resource.StartsWith("PostgreSQL primary", StringComparison.Ordinal));
        var replicas = estimate.Items.Single(i => i.Resource.StartsWith("PostgreSQL read replicas", StringComparison.Ordinal));
        Assert.Equal(2 * 0.45m, primary.HourlyUsd);
        Assert.Equal(2 * 0.45m, replicas.HourlyUsd);
        Assert.Equal(primary.HourlyUsd * 730, primary.MonthlyUsd);
    }

    [Fact]
    public void Estimate_FargateSpotShare_PricesOnDemandBaseAndSpotRest()
    {
        var estimate = CostModel.Default.Estimate(PlanFixtures.Plan("prod-us", s => s with { CpuArchitecture = SecureCart.Platform.Plan.Compute.CpuArchitecture.X64 }));

        // catalog: 0.5 vCPU / 1 GiB x86_64 (Spot runs x86 only), 6 desired; base 5 on demand, the 6th split 50/50 → 5.5 on demand, 0.5 at 30%.
        var perTask = 0.04048m * 0.5m + 0.004445m * 1m;
        var expected = Math.Round(perTask * (5.5m + 0.5m * 0.30m), 4);
        Assert.Equal(expected, estimate.Items.Single(i => i.Resource.StartsWith("catalog", StringComparison.Ordinal)).HourlyUsd);
    }

    [Fact]
    public void Estimate_HomeStackAddsEdgeAndTotalsAddUp()
    {
        var us = CostModel.Default.Estimate(PlanFixtures.Plan("prod-us"));
        var eu = CostModel.Default.Estimate(PlanFixtures.Plan("prod-eu"));

        Assert.Contains(us.Items, i => i.Sku == "globalaccelerator.hour");
        Assert.DoesNotContain(eu.Items, i => i.Component == "edge");
        Assert.Equal(us.Items.Sum(i => i.MonthlyUsd), us.MonthlyUsd);
        Assert.InRange(us.MonthlyUsd, 2_000m, 40_000m);
        Assert.Contains(us.Items, i => i.UsagePriced && i.Resource.Contains("DynamoDB"));
    }

    [Fact]
    public void Estimate_RegionPrices_EuropeCostsMoreForTheSamePlan()
    {
        var eu = CostModel.Default.Estimate(PlanFixtures.Plan("prod-eu"));
        var euPlannedInUs = CostModel.Default.Estimate(PlanFixtures.Plan("prod-eu") with { Region = "us-east-1" });

        Assert.True(eu.MonthlyUsd > euPlannedInUs.MonthlyUsd);
    }

    [Fact]
    public void Estimate_Preview_AFractionOfProduction()
    {
        var preview = CostModel.Default.Estimate(PlanFixtures.Plan("prod-eu", s => s with
        {
            Profile = SizeProfile.Preview,
            Tasks = new TaskCounts(1, 1, 2),
            NatStrategy = Platform.Plan.Network.NatStrategy.OneForVpc,
            Rds = new RdsSettings("db.t4g.medium", 0, 1, 20),
            Redis = new RedisSettings("cache.t4g.small", 1, 0),
        }));
        var production = CostModel.Default.Estimate(PlanFixtures.Plan("prod-eu"));

        Assert.True(preview.MonthlyUsd * 10 < production.MonthlyUsd, $"{preview.MonthlyUsd} vs {production.MonthlyUsd}");
    }

    [Fact]
    public void Estimate_Secrets_CountsTheGeneratedOnesAndTheHomeStacksOriginHeader()
    {
        var us = CostModel.Default.Estimate(PlanFixtures.Plan("prod-us"));
        var eu = CostModel.Default.Estimate(PlanFixtures.Plan("prod-eu"));

        // PostgreSQL master, Redis AUTH and the payments key (production requires it); the home stack also keeps the origin header's.
        Assert.Equal(4m, us.Items.Single(i => i.Sku == "secretsmanager.secret-month").Quantity);
        Assert.Equal(3m, eu.Items.Single(i => i.Sku == "secretsmanager.secret-month").Quantity);
    }

    [Fact]
    public void Estimate_RegionWithoutPrices_EstimatesAndNamesEveryMissingPrice()
    {
        var plan = PlanFixtures.Plan("prod-eu", s => s with { Region = "ap-southeast-1" });

        var estimate = CostModel.Default.Estimate(plan);

        Assert.False(estimate.Complete);
        Assert.Contains("rds.gp3.gb-month", estimate.MissingPrices);
        Assert.Contains("fargate.vcpu-hour.arm64", estimate.MissingPrices);
        Assert.Contains("natgateway.hour", estimate.MissingPrices);
        // Prices that are the same everywhere still count; nothing is borrowed from another Region.
        Assert.DoesNotContain("fargate.spot-factor", estimate.MissingPrices);
        var nat = estimate.Items.Single(i => i.Sku == "natgateway.hour");
        Assert.True(nat.PriceUnknown);
        Assert.Equal(0m, nat.MonthlyUsd);
        Assert.Contains("no price for natgateway.hour", nat.Note, StringComparison.Ordinal);
        Assert.All(estimate.Items.Where(i => !i.PriceUnknown && !i.UsagePriced), i => Assert.True(i.MonthlyUsd >= 0));
    }

    [Fact]
    public void Estimate_PricedRegion_IsComplete()
    {
        var estimate = CostModel.Default.Estimate(PlanFixtures.Plan("prod-us"));

        Assert.True(estimate.Complete);
        Assert.Empty(estimate.MissingPrices);
    }

    [Fact]
    public void PriceBook_Regions_AreCommercialRegionsTheCatalogKnows()
    {
        var prices = PriceBook.Default;

        Assert.All(prices.Regions, r => Assert.True(Platform.Plan.Network.RegionCatalog.Default.Knows(r), r));
        Assert.Null(prices.Find("ap-southeast-1", "natgateway.hour"));
    }

    [Fact]
    public void Estimate_NewlyPricedRegion_PricesWhatTheSourcesGaveAndNamesTheRest()
    {
        var plan = PlanFixtures.Plan("prod-eu", s => s with { Region = "ap-southeast-1", Redis = new RedisSettings("cache.r6g.large", 2, 1) });

        var estimate = CostModel.Default.Estimate(plan);

        // 2 shards x 2 nodes at the tabulated ap-southeast-1 price of $0.247 per node-hour.
        var redis = estimate.Items.Single(i => i.Sku == "elasticache.cache.r6g.large.hour");
        Assert.False(redis.PriceUnknown);
        Assert.Equal(4 * 0.247m, redis.HourlyUsd);
        Assert.DoesNotContain("elasticache.cache.r6g.large.hour", estimate.MissingPrices);
        Assert.All(estimate.MissingPrices, k => Assert.Contains(k, CostModel.Default.Prices.Unpriced("ap-southeast-1")));
        Assert.True(estimate.MonthlyUsd > 0);
    }

    [Fact]
    public void Estimate_Standby_PricedAsOneInstanceOfThePartnersClassInThisRegion()
    {
        var plan = PlanFixtures.Plan("prod-eu");
        var estimate = CostModel.Default.Estimate(plan);

        var standby = estimate.Items.Single(i => i.Resource.StartsWith("PostgreSQL cross-Region standby of prod-us", StringComparison.Ordinal));
        Assert.Equal($"rds.{plan.Data.Standby!.InstanceClass}.hour", standby.Sku);
        Assert.Equal(CostModel.Default.Prices.Find("eu-west-1", standby.Sku), standby.HourlyUsd);
        Assert.Equal(plan.Data.Standby.AllocatedStorageGb, estimate.Items.Single(i => i.Resource == "PostgreSQL standby gp3 storage").Quantity);
        var alone = CostModel.Default.Estimate(RegionalPlanner.Plan(PlanFixtures.Settings("prod-eu"), [PlanFixtures.Settings("prod-eu")]));
        Assert.DoesNotContain(alone.Items, i => i.Resource.Contains("standby", StringComparison.Ordinal));
    }
}
