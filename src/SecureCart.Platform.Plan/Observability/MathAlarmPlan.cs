using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Observability;

/// <summary>
/// A CloudWatch alarm on a metric-math expression (an error ratio, the worst of several replicas). Dimension values
/// name plan resources by logical name, as in <see cref="AlarmPlan"/>.
/// </summary>
/// <param name="Notifies">False for the windows of a burn-rate pair: only their composite alarm pages.</param>
public sealed record MathAlarmPlan(
    string LogicalName,
    string Name,
    ImmutableArray<MetricQueryPlan> Queries,
    int PeriodSeconds,
    int EvaluationPeriods,
    double Threshold,
    string ComparisonOperator,
    string TreatMissingData,
    bool Notifies,
    string Description);
