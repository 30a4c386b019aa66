using System.Globalization;
using SecureCart.Platform.Simulation.Results;

namespace SecureCart.Platform.Simulation.Reports;

/// <summary>The report as plain text: a line per component that breached, totals per stack, and the fix.</summary>
public static class TextReport
{
    public static void Write(SimulationReport report, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(w);
        var p = report.Profile;
        w.WriteLine(F($"profile {p.Name} ({p.FileName}): {p.Description}"));
        w.WriteLine(F($"  {p.DurationMinutes} min from {p.Start:yyyy-MM-dd HH:mm}Z at {p.ResolutionSeconds}-second steps, baseline {p.BaselineRps:N0} requests/s world-wide"));
        foreach (var scenario in report.Scenarios)
        {
            w.WriteLine();
            w.WriteLine(F($"scenario {scenario.Name}: {(scenario.Breached ? "BREACH" : "ok")}"));
            foreach (var stack in scenario.Stacks)
            {
                WriteStack(stack, w);
            }
        }

        w.WriteLine();
        if (!report.Breached)
        {
            w.WriteLine("verdict: no breach; every component stays within the SLO.");
            return;
        }

        w.WriteLine("verdict: BREACH");
        if (report.Fix is not { } fix)
        {
            return;
        }

        w.WriteLine(fix.RemovesEveryBreach
            ? "cheapest change that removes every breach (verified by re-simulating):"
            : "changes that remove what the stack files can; some breaches remain:");
        foreach (var change in fix.Changes)
        {
            w.WriteLine($"  {change}");
        }

        foreach (var unresolved in fix.Unresolved)
        {
            w.WriteLine($"  still breaching: {unresolved} (no stack-file key relieves it)");
        }

        w.WriteLine(F($"  adds {fix.AddedMonthlyUsd:N2} USD/month to the plans' fixed cost, {fix.AddedPeakWindowUsd:N2} USD to the peak window's raised minimums and {fix.AddedSurgeUsd:N2} USD to this profile's cost"));
    }

    private static void WriteStack(StackResult stack, TextWriter w)
    {
        w.WriteLine(F($"  {stack.Stack} ({stack.Region}): {stack.BreachMinutes} minute(s) over SLO, {stack.Rejected:N0} request(s) throttled or dropped, peak {stack.PeakHourlyUsd:N2} USD/hour, total {stack.TotalUsd:N2} USD"));
        if (stack.Unpriced.Length > 0)
        {
            w.WriteLine(F($"    cost counts as zero what {stack.Region} has no price for: {string.Join(", ", stack.Unpriced)}"));
        }

        foreach (var c in stack.Components)
        {
            var tasks = c.Tasks.IsEmpty ? "" : F($", tasks {c.Tasks.Min():0}-{c.Tasks.Max():0}");
            var mark = c.Breached ? "!" : " ";
            w.WriteLine(F($"   {mark} {c.Name,-28} peak demand {c.PeakDemand,10:N0} {c.Unit}, peak capacity {Cap(c.PeakCapacity),10}{tasks}; {c.BreachMinutes.Length} min over SLO, {c.Rejected:N0} rejected"));
        }
    }

    private static string Cap(double value) => double.IsFinite(value) ? F($"{value:N0}") : "unbounded";

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
