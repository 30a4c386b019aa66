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

    /// <summary>The Region the metric is published in when it is not the stack's (CloudFront and its web ACL: us-east-1; Global Accelerator: us-west-2).</summary>
    public string? Region { get; init; }

    /// <summary>True for the alarms on the home stack's global singletons (CloudFront, its web ACL): other stacks have none.</summary>
    public bool HomeOnly { get; init; }
}
