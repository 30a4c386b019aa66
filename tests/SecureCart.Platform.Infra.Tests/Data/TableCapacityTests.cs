using System.Collections.Immutable;
using System.Globalization;
using SecureCart.Platform.Plan.Data;

namespace SecureCart.Platform.Infra.Tests.Data;

public sealed class TableCapacityTests
{
    [Fact]
    public async Task HomeStack_MapsEachTablesCapacityMode_WarmThroughputOrProvisionedMinimum()
    {
        var tables = Plans.For("prod-us").Data.Tables.ToDictionary(t => t.LogicalName);

        var run = await StackRun.RunAsync("prod-us");

        foreach (var created in run.OfType("aws:dynamodb/table:Table"))
        {
            TableCapacityPlan capacity = tables[created.Name!].Capacity;
            Assert.Equal(capacity.BillingMode, created.Inputs["billingMode"]);
            if (capacity.WarmThroughput is { } warm)
            {
                var inputs = (ImmutableDictionary<string, object>)created.Inputs["warmThroughput"];
                Assert.Equal((double)warm.ReadUnitsPerSecond, Number(inputs["readUnitsPerSecond"]));
                Assert.Equal((double)warm.WriteUnitsPerSecond, Number(inputs["writeUnitsPerSecond"]));
            }
            else
            {
                Assert.DoesNotContain("warmThroughput", created.Inputs.Keys);
            }

            if (capacity.Provisioned is { } provisioned)
            {
                Assert.Equal((double)provisioned.MinReadUnits, Number(created.Inputs["readCapacity"]));
                Assert.Equal((double)provisioned.MinWriteUnits, Number(created.Inputs["writeCapacity"]));
            }
            else
            {
                Assert.DoesNotContain("readCapacity", created.Inputs.Keys);
            }
        }

        Assert.Contains(tables.Values, t => t.Capacity.WarmThroughput is not null);
        Assert.Contains(tables.Values, t => t.Capacity.Provisioned is not null);
        AssertScaling(run, tables.Values);
    }

    [Fact]
    public async Task ReplicaStack_ScalesItsOwnReplicaWithTheSameBounds()
    {
        var tables = Plans.For("prod-eu").Data.Tables;

        var run = await StackRun.RunAsync("prod-eu");

        AssertScaling(run, tables);
    }

    // One read and one write target per provisioned table, each with a target-tracking policy; none for on-demand tables.
    private static void AssertScaling(StackRun run, IEnumerable<DynamoTablePlan> tables)
    {
        var targets = run.OfType("aws:appautoscaling/target:Target").Where(t => (string)t.Inputs["serviceNamespace"] == "dynamodb").ToDictionary(t => t.Name!);
        var policies = run.OfType("aws:appautoscaling/policy:Policy").Where(p => (string)p.Inputs["serviceNamespace"] == "dynamodb").ToDictionary(p => p.Name!);
        var provisioned = tables.Where(t => t.Capacity.Provisioned is not null).ToList();
        Assert.NotEmpty(provisioned);
        Assert.Equal(provisioned.Count * 2, targets.Count);
        Assert.Equal(provisioned.Count * 2, policies.Count);
        foreach (DynamoTablePlan table in provisioned)
        {
            ProvisionedCapacityPlan bounds = table.Capacity.Provisioned!;
            foreach ((string kind, string dimension, int min, int max, string metric) in new[]
            {
                ("read", "dynamodb:table:ReadCapacityUnits", bounds.MinReadUnits, bounds.MaxReadUnits, "DynamoDBReadCapacityUtilization"),
                ("write", "dynamodb:table:WriteCapacityUnits", bounds.MinWriteUnits, bounds.MaxWriteUnits, "DynamoDBWriteCapacityUtilization"),
            })
            {
                var target = targets[$"{table.LogicalName}-{kind}-scaling"].Inputs;
                Assert.Equal($"table/{table.Name}", target["resourceId"]);
                Assert.Equal(dimension, target["scalableDimension"]);
                Assert.Equal(((double)min, (double)max), (Number(target["minCapacity"]), Number(target["maxCapacity"])));
                var tracking = (ImmutableDictionary<string, object>)policies[$"{table.LogicalName}-{kind}-tracking"].Inputs["targetTrackingScalingPolicyConfiguration"];
                Assert.Equal(bounds.TargetUtilizationPercent, Number(tracking["targetValue"]));
                Assert.Equal(metric, ((ImmutableDictionary<string, object>)tracking["predefinedMetricSpecification"])["predefinedMetricType"]);
            }
        }
    }

    private static double Number(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
