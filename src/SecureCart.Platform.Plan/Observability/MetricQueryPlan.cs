using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Observability;

/// <summary>
/// One query of a metric-math alarm: either a metric (namespace, name, dimensions by plan logical name, statistic)
/// or an expression over the other queries' ids. Exactly one query of an alarm returns data: the one alarmed on.
/// </summary>
public sealed record MetricQueryPlan(
    string Id,
    string? Expression,
    string? Namespace,
    string? MetricName,
    ImmutableSortedDictionary<string, string>? Dimensions,
    string? Statistic,
    bool ReturnData)
{
    public bool IsMetric => Expression is null;

    public static MetricQueryPlan Metric(string id, string ns, string metric, (string Key, string Value)[] dimensions, string statistic) =>
        new(id, null, ns, metric, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, dimensions.Select(d => KeyValuePair.Create(d.Key, d.Value))), statistic, false);

    public static MetricQueryPlan Math(string id, string expression) => new(id, expression, null, null, null, null, true);
}
