using System.Text.Json;
using System.Text.Json.Serialization;
using SecureCart.Platform.Simulation.Results;

namespace SecureCart.Platform.Simulation.Reports;

/// <summary>The report as JSON: every scenario, stack and component with its minute series, and the fix.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var p = report.Profile;
        return JsonSerializer.Serialize(new
        {
            profile = new { p.Name, p.Description, p.FileName, p.Start, p.DurationMinutes, p.ResolutionSeconds, p.BaselineRps },
            breached = report.Breached,
            scenarios = report.Scenarios.Select(Scenario),
            fix = report.Fix is { } fix
                ? new
                {
                    fix.RemovesEveryBreach,
                    changes = fix.Changes.Select(c => new { c.Stack, c.File, c.Line, c.Key, c.From, c.To, text = c.ToString() }),
                    fix.Unresolved,
                    fix.AddedMonthlyUsd,
                    fix.AddedPeakWindowUsd,
                    fix.AddedSurgeUsd,
                    verified = fix.Verified.Select(s => new { s.Name, s.Breached, s.BreachMinutes }),
                }
                : null,
        }, s_options);
    }

    private static object Scenario(ScenarioResult s) => new
    {
        s.Name,
        s.Breached,
        s.BreachMinutes,
        s.TotalUsd,
        stacks = s.Stacks.Select(st => new
        {
            st.Stack,
            st.Region,
            st.BreachMinutes,
            st.Rejected,
            st.PeakHourlyUsd,
            st.TotalUsd,
            unpriced = st.Unpriced,
            components = st.Components.Select(c => new
            {
                c.Name,
                c.Kind,
                c.Unit,
                c.Breached,
                breachMinutes = c.BreachMinutes.Length,
                c.Rejected,
                c.PeakDemand,
                c.PeakCapacity,
                demand = c.Demand,
                capacity = c.Capacity,
                tasks = c.Tasks,
            }),
            demand = st.Demand,
            capacity = st.Capacity,
            hourlyUsd = st.HourlyUsd,
        }),
    };
}
