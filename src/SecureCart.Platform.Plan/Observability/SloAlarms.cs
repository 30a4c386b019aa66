using System.Collections.Immutable;
using System.Globalization;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Naming;

namespace SecureCart.Platform.Plan.Observability;

/// <summary>
/// Availability SLO alarms per service behind the ALB: the ratio of target 5xx to requests of its target group, over the
/// multi-window burn-rate pairs (<see cref="BurnRateWindow.All"/>), combined by one composite alarm per service.
/// </summary>
/// <remarks>Burn-rate alerting as described in the Google SRE workbook, "Alerting on SLOs" (multiwindow, multi-burn-rate alerts).</remarks>
public static class SloAlarms
{
    /// <summary>99.9 % of requests answered without a server error, over 30 days.</summary>
    public const double AvailabilityTarget = 0.999;

    public static (ImmutableArray<MathAlarmPlan> Windows, ImmutableArray<CompositeAlarmPlan> Composites) Plan(ResourceNames names, ComputePlan compute, string loadBalancer)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(compute);
        var windows = ImmutableArray.CreateBuilder<MathAlarmPlan>();
        var composites = ImmutableArray.CreateBuilder<CompositeAlarmPlan>();
        foreach (var service in compute.Services.Where(s => s.OnAlb))
        {
            var pairs = new List<string>();
            foreach (var window in BurnRateWindow.All)
            {
                var longAlarm = Window(names, service.LogicalName, loadBalancer, window, window.LongSeconds);
                var shortAlarm = Window(names, service.LogicalName, loadBalancer, window, window.ShortSeconds);
                windows.Add(longAlarm);
                windows.Add(shortAlarm);
                pairs.Add($"(ALARM({longAlarm.LogicalName}) AND ALARM({shortAlarm.LogicalName}))");
            }

            var logical = $"slo-{service.LogicalName}";
            composites.Add(new CompositeAlarmPlan(
                logical,
                names.Physical($"alarm-{logical}", 255),
                string.Join(" OR ", pairs),
                string.Create(CultureInfo.InvariantCulture, $"{service.LogicalName} is burning its {AvailabilityTarget:P1} availability budget (target 5xx / requests): fast = {BurnRateWindow.Fast.BurnRate}x over 1h and 5m, slow = {BurnRateWindow.Slow.BurnRate}x over 6h and 30m.")));
        }

        return (windows.ToImmutable(), composites.ToImmutable());
    }

    private static MathAlarmPlan Window(ResourceNames names, string service, string loadBalancer, BurnRateWindow window, int seconds)
    {
        var logical = $"slo-{service}-{BurnRateWindow.Label(seconds)}";
        (string, string)[] dimensions = [("LoadBalancer", loadBalancer), ("TargetGroup", service)];
        return new MathAlarmPlan(
            logical,
            names.Physical($"alarm-{logical}", 255),
            [
                MetricQueryPlan.Metric("errors", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", dimensions, "Sum"),
                MetricQueryPlan.Metric("requests", "AWS/ApplicationELB", "RequestCount", dimensions, "Sum"),
                // No 5xx is no data point, not zero; no requests is no ratio (and no burn).
                MetricQueryPlan.Math("ratio", "FILL(errors, 0) / FILL(requests, 1)"),
            ],
            seconds,
            1,
            window.Threshold(AvailabilityTarget),
            "GreaterThanThreshold",
            "notBreaching",
            Notifies: false,
            string.Create(CultureInfo.InvariantCulture, $"{service}: 5xx ratio over {BurnRateWindow.Label(seconds)} above {window.BurnRate}x the error budget ({window.Name} burn); pages through slo-{service}."));
    }
}
