using SecureCart.Platform.Plan.Constraints;

namespace SecureCart.Platform.Plan.Tests.Observability;

public sealed class CapacityAlarmsTests
{
    [Fact]
    public void Plan_Production_AlarmsOnRdsStorageBelowFivePercentOfTheDisk()
    {
        var plan = PlanFixtures.Plan("prod-us");

        var storage = Assert.Single(plan.Observability.Alarms, a => a.MetricName == "FreeStorageSpace");
        Assert.Equal(("LessThanThreshold", "postgres"), (storage.ComparisonOperator, storage.Dimensions["DBInstanceIdentifier"]));
        // 200 GiB allocated: 10 GiB in bytes.
        Assert.Equal(plan.Data.Rds.AllocatedStorageGb * 0.05 * 1024 * 1024 * 1024, storage.Threshold);
        Assert.Equal(10.0 * 1024 * 1024 * 1024, storage.Threshold);
    }

    [Fact]
    public void Plan_Production_OneRedisMemoryAlarmPerNode_OnAPublishedDimension()
    {
        var plan = PlanFixtures.Plan("prod-us");

        var memory = plan.Observability.Alarms.Where(a => a.MetricName == "DatabaseMemoryUsagePercentage").ToList();
        Assert.Equal(plan.Data.Redis.Nodes.Select(n => n.LogicalName).Order(StringComparer.Ordinal), memory.Select(a => a.Dimensions["CacheClusterId"]).Order(StringComparer.Ordinal));
        Assert.All(memory, a => Assert.Equal(80, a.Threshold));
        Assert.Contains(["CacheClusterId"], MetricDimensions.Published["AWS/ElastiCache DatabaseMemoryUsagePercentage"]);
    }
}
