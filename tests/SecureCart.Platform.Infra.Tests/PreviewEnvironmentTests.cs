using System.Collections.Immutable;
using System.Globalization;
using SecureCart.Platform.Plan.Previews;

namespace SecureCart.Platform.Infra.Tests;

public sealed class PreviewEnvironmentTests
{
    [Fact]
    public async Task Run_Preview_CreatesOnlyItsServicesRulesAndQueuesOnTheBaseStack()
    {
        var plan = PreviewEnvironmentRun.Planned();

        var (created, outputs) = await PreviewEnvironmentRun.RunAsync(plan);

        Assert.Equal(plan.Services.Length, created.Count(c => c.Type == "aws:ecs/service:Service"));
        Assert.Equal(plan.Services.Count(s => s.PathPattern is not null), created.Count(c => c.Type == "aws:lb/listenerRule:ListenerRule"));
        Assert.Equal(plan.QueueNames.Order(StringComparer.Ordinal), created.Where(c => c.Type == "aws:sqs/queue:Queue").Select(c => (string)c.Inputs["name"]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(created, c => c.Type is "aws:ec2/vpc:Vpc" or "aws:ecs/cluster:Cluster" or "aws:lb/loadBalancer:LoadBalancer" or "aws:rds/instance:Instance");
        Assert.All(created.Where(c => c.Type == "aws:ecs/service:Service"), s => Assert.Equal("cluster-1", s.Inputs["cluster"]));
        Assert.Equal($"https://{plan.HostName}", outputs["url"]);
        Assert.Contains(created, c => c.Type == "aws:cloudwatch/logGroup:LogGroup");
        Assert.All(created.Where(c => c.Type == "aws:cloudwatch/logGroup:LogGroup"), g => Assert.Equal((double)plan.LogRetentionDays, Convert.ToDouble(g.Inputs["retentionInDays"], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Run_Preview_CreatesItsOwnOnDemandTablesWithTheProductionKeySchema()
    {
        var plan = PreviewEnvironmentRun.Planned();
        Assert.Contains(plan.Tables, t => t.RangeKey is not null);
        Assert.Contains(plan.Tables, t => t.TimeToLiveAttribute is null);

        var (created, _) = await PreviewEnvironmentRun.RunAsync(plan);

        var tables = created.Where(c => c.Type == "aws:dynamodb/table:Table").ToDictionary(c => c.Name!, c => c.Inputs, StringComparer.Ordinal);
        Assert.Equal(plan.Tables.Select(t => t.LogicalName).Order(StringComparer.Ordinal), tables.Keys.Order(StringComparer.Ordinal));
        foreach (var table in plan.Tables)
        {
            var inputs = tables[table.LogicalName];
            Assert.Equal(table.Name, inputs["name"]);
            Assert.Equal("PAY_PER_REQUEST", inputs["billingMode"]);
            Assert.Equal(table.HashKey, inputs["hashKey"]);
            Assert.Equal(table.RangeKey, inputs.GetValueOrDefault("rangeKey"));
            var attributes = ((IEnumerable<object>)inputs["attributes"]).Cast<IDictionary<string, object>>().Select(a => (string)a["name"]);
            Assert.Equal(new[] { table.HashKey, table.RangeKey }.OfType<string>(), attributes);
            if (table.TimeToLiveAttribute is { } ttl)
            {
                var setting = (IDictionary<string, object>)inputs["ttl"];
                Assert.Equal(ttl, setting["attributeName"]);
                Assert.True((bool)setting["enabled"]);
            }
            else
            {
                Assert.DoesNotContain("ttl", inputs.Keys);
            }
        }
    }

    [Fact]
    public async Task Run_Preview_GivesEachHostRuleItsAssignedPriorityAndExportsTheSlot()
    {
        var plan = PreviewEnvironmentRun.Planned();
        var listeners = ListenerPriorities.Assign(17, plan.Services);

        var (created, outputs) = await PreviewEnvironmentRun.RunAsync(plan, listeners);

        var rules = created.Where(c => c.Type == "aws:lb/listenerRule:ListenerRule").ToDictionary(c => c.Name!, c => Convert.ToInt32(c.Inputs["priority"], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Assert.Equal(listeners.Priorities.ToDictionary(p => $"{p.Key}-rule", p => p.Value, StringComparer.Ordinal), rules);
        Assert.Equal(17, Convert.ToInt32(outputs["listenerSlot"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Run_Preview_QueuePairsFromThePlanInsideOneComponent()
    {
        var plan = PreviewEnvironmentRun.Planned();

        var (created, outputs) = await PreviewEnvironmentRun.RunAsync(plan);

        Assert.Single(created, c => c.Type == "securecart:platform:PreviewEnvironment");
        foreach (var queue in plan.Queues)
        {
            var main = Assert.Single(created, c => c.Type == "aws:sqs/queue:Queue" && (string)c.Inputs["name"] == queue.Name).Inputs;
            var redrive = System.Text.Json.JsonDocument.Parse((string)main["redrivePolicy"]).RootElement;
            Assert.Equal(queue.MaxReceiveCount, redrive.GetProperty("maxReceiveCount").GetInt32());
            // The mock's ARN is "arn:<logical name>": the redrive points at this queue's own dead-letter queue.
            Assert.Equal($"arn:{queue.LogicalName}-dlq", redrive.GetProperty("deadLetterTargetArn").GetString());
            Assert.Single(created, c => c.Type == "aws:sqs/queue:Queue" && (string)c.Inputs["name"] == queue.DeadLetterName);
            Assert.Equal((double)queue.VisibilityTimeoutSeconds, Convert.ToDouble(main["visibilityTimeoutSeconds"], CultureInfo.InvariantCulture));
        }
        Assert.Contains("queues", outputs.Keys);
    }
}
