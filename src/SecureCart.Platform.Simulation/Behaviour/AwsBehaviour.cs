using System.Collections.Frozen;
using System.Text.Json;

namespace SecureCart.Platform.Simulation.Behaviour;

/// <summary>
/// Public AWS behaviour the model follows, read from Behaviour/aws-behaviour.json where each value carries its
/// source. Values marked "estimate" there are planning figures AWS does not publish.
/// </summary>
public sealed record AwsBehaviour(
    int ScaleOutDatapoints,
    int ScaleInDatapoints,
    int MetricPeriodSeconds,
    double CpuCeilingPercent,
    int FargateTaskStartSeconds,
    int Ec2InstanceWarmupSeconds,
    int Ec2AgentReservedMemoryMb,
    double ApiAccountRateRps,
    double ApiAccountBurst,
    double DynamoPeakMultiplier,
    int DynamoAdaptSeconds,
    double DynamoNewTableReadUnits,
    double DynamoNewTableWriteUnits,
    double DynamoPartitionReadUnits,
    double DynamoPartitionWriteUnits,
    FrozenDictionary<string, double> RdsQueriesPerSecond,
    FrozenDictionary<string, double> RedisOpsPerSecond,
    FrozenDictionary<string, string> Sources)
{
    private static readonly Lazy<AwsBehaviour> s_default = new(LoadEmbedded);

    public static AwsBehaviour Default => s_default.Value;

    public double RdsCapacity(string instanceClass) =>
        RdsQueriesPerSecond.TryGetValue(instanceClass, out var qps) ? qps
        : throw new KeyNotFoundException($"No query rate for RDS class '{instanceClass}'; add it to Behaviour/aws-behaviour.json");

    public double RedisCapacity(string nodeType) =>
        RedisOpsPerSecond.TryGetValue(nodeType, out var ops) ? ops
        : throw new KeyNotFoundException($"No operation rate for ElastiCache node type '{nodeType}'; add it to Behaviour/aws-behaviour.json");

    public static AwsBehaviour Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var values = root.GetProperty("values");
        double V(string key) => values.GetProperty(key).GetProperty("value").GetDouble();
        int I(string key) => (int)V(key);
        static FrozenDictionary<string, double> Table(JsonElement e) =>
            e.EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetDouble(), StringComparer.Ordinal);
        var sources = values.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("source").GetString()!, StringComparer.Ordinal);
        sources["rdsQueriesPerSecond"] = root.GetProperty("rdsQueriesPerSecond").GetProperty("source").GetString()!;
        sources["redisOpsPerSecond"] = root.GetProperty("redisOpsPerSecond").GetProperty("source").GetString()!;
        return new AwsBehaviour(
            I("targetTracking.scaleOutDatapoints"),
            I("targetTracking.scaleInDatapoints"),
            I("targetTracking.metricPeriodSeconds"),
            V("targetTracking.cpuCeilingPercent"),
            I("fargate.taskStartSeconds"),
            I("ec2.instanceWarmupSeconds"),
            I("ec2.agentReservedMemoryMb"),
            V("apiGateway.accountRateRps"),
            V("apiGateway.accountBurst"),
            V("dynamodb.onDemandPeakMultiplier"),
            I("dynamodb.onDemandAdaptSeconds"),
            V("dynamodb.newTableReadUnits"),
            V("dynamodb.newTableWriteUnits"),
            V("dynamodb.partitionReadUnits"),
            V("dynamodb.partitionWriteUnits"),
            Table(root.GetProperty("rdsQueriesPerSecond").GetProperty("classes")),
            Table(root.GetProperty("redisOpsPerSecond").GetProperty("nodeTypes")),
            sources.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static AwsBehaviour LoadEmbedded()
    {
        using var stream = typeof(AwsBehaviour).Assembly.GetManifestResourceStream("SecureCart.Platform.Simulation.Behaviour.aws-behaviour.json")
            ?? throw new InvalidOperationException("Behaviour/aws-behaviour.json is not embedded in the assembly");
        return Parse(stream);
    }
}
