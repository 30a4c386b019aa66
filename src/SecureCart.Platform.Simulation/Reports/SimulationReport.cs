using System.Collections.Immutable;
using SecureCart.Platform.Simulation.Fixes;
using SecureCart.Platform.Simulation.Profiles;
using SecureCart.Platform.Simulation.Results;

namespace SecureCart.Platform.Simulation.Reports;

/// <summary>A profile's scenarios against the current plans and, when any breached, the fix found.</summary>
public sealed record SimulationReport(TrafficProfile Profile, ImmutableArray<ScenarioResult> Scenarios, FixResult? Fix)
{
    public bool Breached => Scenarios.Any(s => s.Breached);
}
