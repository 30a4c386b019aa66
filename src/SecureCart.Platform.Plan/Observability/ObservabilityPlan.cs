using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Observability;

/// <summary>Alarms (all notify the alarms topic), the dashboard and tracing.</summary>
public sealed record ObservabilityPlan(ImmutableArray<AlarmPlan> Alarms, string AlarmTopic, string DashboardName, bool XRayTracing, double XRaySamplingRate, int LogRetentionDays)
{
    /// <summary>Alarms on metric math: the burn-rate windows of each service's availability SLO, the worst replication latency of a table.</summary>
    public ImmutableArray<MathAlarmPlan> MathAlarms { get; init; } = [];

    /// <summary>One per service: pages when its error budget burns fast or slowly, instead of on a raw 5xx count.</summary>
    public ImmutableArray<CompositeAlarmPlan> CompositeAlarms { get; init; } = [];

    /// <summary>X-Ray sampling rules, checkout first; the baseline rule samples the rest at <see cref="XRaySamplingRate"/>.</summary>
    public ImmutableArray<SamplingRulePlan> SamplingRules { get; init; } = [];

    /// <summary>Spans to CloudWatch Logs (Transaction Search) in production, so error traces outside checkout are kept; null in previews.</summary>
    public TransactionSearchPlan? TransactionSearch { get; init; }

    /// <summary>The paging integration besides the e-mail subscription.</summary>
    public PagingPlan Paging { get; init; } = new(null);

    /// <summary>The alarm topic's copies in other Regions, for the alarms published there (an alarm notifies a topic of its own Region).</summary>
    public IEnumerable<string> RemoteAlarmRegions => Alarms.Where(a => a.Region is not null).Select(a => a.Region!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>Logical names of the alarms only the home stack creates.</summary>
    public IEnumerable<string> HomeOnlyLogicalNames => Alarms.Where(a => a.HomeOnly).Select(a => a.LogicalName);
}
