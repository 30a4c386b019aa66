using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Observability;

/// <summary>
/// A CloudWatch alarm. Dimension values name plan resources by logical name (<c>alb</c>, <c>storefront</c>,
/// <c>postgres</c>…); the program swaps in the deployed identifiers.
/// </summary>
/// <param name="Statistic">Average, Sum, Maximum, or a percentile such as p99 (an extended statistic).</param>
public sealed record AlarmPlan(
    string LogicalName,
    string Name,
    string Namespace,
    string MetricName,
    ImmutableSortedDictionary<string, string> Dimensions,
    string Statistic,
    int PeriodSeconds,
    int EvaluationPeriods,
    double Threshold,
    string ComparisonOperator,
    string TreatMissingData,
    string Description)
{
    public bool IsPercentile => Statistic.StartsWith('p');
}
