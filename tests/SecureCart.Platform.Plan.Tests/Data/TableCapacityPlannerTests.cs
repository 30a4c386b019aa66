using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Data;

namespace SecureCart.Platform.Plan.Tests.Data;

public sealed class TableCapacityPlannerTests
{
    [Fact]
    public void Plan_ShippedProduction_VisitorTablesOnDemandWarmedForThePeak_CatalogProvisionedWithScaling()
    {
        var tables = PlanFixtures.Plan("prod-us").Data.Tables.ToDictionary(t => t.LogicalName);

        // Peak: burst 4000 requests/s x peak multiplier 4 = 16000 requests/s, one read and one write each.
        foreach (string name in new[] { "carts", "sessions" })
        {
            TableCapacityPlan capacity = tables[name].Capacity;
            Assert.Equal(TableCapacityPlan.OnDemand, capacity.BillingMode);
            Assert.Null(capacity.Provisioned);
            Assert.Equal(new WarmThroughputPlan(16_000, 16_000), capacity.WarmThroughput);
            Assert.Contains("faster than auto scaling", capacity.Reason, StringComparison.Ordinal);
        }

        TableCapacityPlan catalog = tables["catalog"].Capacity;
        Assert.Equal(TableCapacityPlan.ProvisionedMode, catalog.BillingMode);
        Assert.Null(catalog.WarmThroughput);
        Assert.Equal(new ProvisionedCapacityPlan(25, 16_000, 5, 20, 70, 300, 30), catalog.Provisioned);
        Assert.Contains("provisioned with auto scaling", catalog.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ReplicaStack_UsesTheHomeStacksFigures_SoEveryReplicaAgrees()
    {
        // The EU stack's own API limits differ; a global table still has one mode and one set of write settings.
        var eu = PlanFixtures.Plan("prod-eu", s => s with { Api = new ApiThrottleSettings(10, 20), Peak = s.Peak with { MinTasksMultiplier = 1 } }).Data.Tables;
        var us = PlanFixtures.Plan("prod-us").Data.Tables;

        Assert.Equal(us.Select(t => t.Capacity), eu.Select(t => t.Capacity));
    }

    [Fact]
    public void Plan_HomeStackChanges_ChangeEveryStacksCapacity()
    {
        var eu = PlanFixtures.Plan("prod-us", s => s with { Api = new ApiThrottleSettings(1000, 5000) }).Data.Tables;

        Assert.Equal(new WarmThroughputPlan(20_000, 20_000), eu.Single(t => t.LogicalName == "carts").Capacity.WarmThroughput);
    }

    [Fact]
    public void Plan_SmallPeak_NeverAsksForLessThanTheDefaultWarmThroughput()
    {
        TableDefinition carts = TableDefinition.All.Single(t => t.LogicalName == "carts");
        StackSettings small = PlanFixtures.Settings("prod-us") with { Api = new ApiThrottleSettings(50, 100), Peak = PlanFixtures.Settings("prod-us").Peak with { MinTasksMultiplier = 1 } };

        TableCapacityPlan capacity = TableCapacityPlanner.Plan(carts, small);

        Assert.Equal(new WarmThroughputPlan(TableCapacityPlanner.DefaultWarmReadUnits, TableCapacityPlanner.DefaultWarmWriteUnits), capacity.WarmThroughput);
    }

    [Fact]
    public void Plan_PreviewProfile_OnDemandWithoutPreWarmingAndASmallCatalogFloor()
    {
        var tables = PlanFixtures.Plan("prod-us", s => s with { Profile = SizeProfile.Preview }).Data.Tables.ToDictionary(t => t.LogicalName);

        Assert.Equal((TableCapacityPlan.OnDemand, (WarmThroughputPlan?)null), (tables["carts"].Capacity.BillingMode, tables["carts"].Capacity.WarmThroughput));
        Assert.Equal(5, tables["catalog"].Capacity.Provisioned!.MinReadUnits);
    }
}
