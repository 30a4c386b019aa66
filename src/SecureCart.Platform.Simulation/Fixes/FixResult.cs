using System.Collections.Immutable;
using SecureCart.Platform.Simulation.Results;

namespace SecureCart.Platform.Simulation.Fixes;

/// <summary>The cheapest set of plan changes found, and the re-simulation that verifies it.</summary>
/// <param name="Verified">The scenarios re-run with the changes applied.</param>
/// <param name="Unresolved">Components still over their SLO that no stack-file key can relieve.</param>
/// <param name="AddedMonthlyUsd">Change of the plans' fixed monthly cost (the cost model at the new settings).</param>
/// <param name="AddedPeakWindowUsd">Change of what the peak window's raised minimums cost over the whole window.</param>
/// <param name="AddedSurgeUsd">Change of the profile's total cost.</param>
public sealed record FixResult(
    ImmutableArray<PlanChange> Changes,
    ImmutableArray<ScenarioResult> Verified,
    ImmutableArray<string> Unresolved,
    double AddedMonthlyUsd,
    double AddedPeakWindowUsd,
    double AddedSurgeUsd)
{
    public bool RemovesEveryBreach => Unresolved.IsEmpty && Verified.All(s => !s.Breached);
}
