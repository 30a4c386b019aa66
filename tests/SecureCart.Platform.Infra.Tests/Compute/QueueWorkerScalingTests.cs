using System.Globalization;

namespace SecureCart.Platform.Infra.Tests.Compute;

public sealed class QueueWorkerScalingTests
{
    [Fact]
    public async Task OrderWorker_TracksVisibleMessagesPerRunningTask_NotCpu()
    {
        var plan = Plans.For("prod-us");
        var tracking = plan.Compute.Services.Single(s => s.LogicalName == "order-worker").Scaling.TargetTracking.Single();

        var run = await StackRun.RunAsync("prod-us");

        Assert.DoesNotContain(run.Created, c => c.Type == "aws:appautoscaling/policy:Policy" && c.Name == "order-worker-scaling-cpu");
        var configuration = (IDictionary<string, object>)run.Single("aws:appautoscaling/policy:Policy", "order-worker-scaling-backlog").Inputs["targetTrackingScalingPolicyConfiguration"];
        Assert.Equal(tracking.TargetValue, Convert.ToDouble(configuration["targetValue"], CultureInfo.InvariantCulture));
        Assert.DoesNotContain("predefinedMetricSpecification", configuration.Keys);
        var metrics = ((IEnumerable<object>)((IDictionary<string, object>)configuration["customizedMetricSpecification"])["metrics"])
            .Cast<IDictionary<string, object>>().ToDictionary(m => (string)m["id"]);
        Assert.Equal("messages / tasks", metrics["backlog"]["expression"]);
        Assert.True((bool)metrics["backlog"]["returnData"]);
        Assert.Equal(("AWS/SQS", "ApproximateNumberOfMessagesVisible", plan.Messaging.Queues.Single(q => q.LogicalName == "orders").Name), MetricOf(metrics["messages"], "QueueName"));
        Assert.Equal(("ECS/ContainerInsights", "RunningTaskCount", plan.Compute.ClusterName), MetricOf(metrics["tasks"], "ClusterName"));
        Assert.Equal("enabled", ((IEnumerable<object>)run.Single("aws:ecs/cluster:Cluster", "cluster").Inputs["settings"]).Cast<IDictionary<string, object>>().Single()["value"]);
    }

    private static (string Namespace, string Name, string Dimension) MetricOf(IDictionary<string, object> query, string dimension)
    {
        var metric = (IDictionary<string, object>)((IDictionary<string, object>)query["metricStat"])["metric"];
        var value = ((IEnumerable<object>)metric["dimensions"]).Cast<IDictionary<string, object>>().Single(d => (string)d["name"] == dimension)["value"];
        return ((string)metric["namespace"], (string)metric["metricName"], (string)value);
    }
}
