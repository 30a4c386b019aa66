using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Observability;

/// <summary>Alarms (all notify the alarms topic), the dashboard and tracing.</summary>
public sealed record ObservabilityPlan(ImmutableArray<AlarmPlan> Alarms, string AlarmTopic, string DashboardName, bool XRayTracing, double XRaySamplingRate, int LogRetentionDays);
