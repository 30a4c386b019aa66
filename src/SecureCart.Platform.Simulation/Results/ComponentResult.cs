using System.Collections.Immutable;

namespace SecureCart.Platform.Simulation.Results;

/// <summary>One component of one stack over the profile, minute by minute.</summary>
/// <param name="Unit">What demand and capacity count: calls/s, requests/s, read units/s…</param>
/// <param name="Demand">Mean demand per minute.</param>
/// <param name="Capacity">Mean capacity per minute (tasks x rate, throttle rate, table ceiling…).</param>
/// <param name="Tasks">Mean running tasks per minute (services and workers only; empty otherwise).</param>
/// <param name="BreachMinutes">Minutes over the SLO: latency, error (throttled or dropped) share, or queue age.</param>
/// <param name="Rejected">Requests throttled (429) or dropped (timed out) over the whole profile.</param>
public sealed record ComponentResult(
    string Name,
    ComponentKind Kind,
    string Unit,
    ImmutableArray<double> Demand,
    ImmutableArray<double> Capacity,
    ImmutableArray<double> Tasks,
    ImmutableArray<int> BreachMinutes,
    double Rejected,
    double Total,
    double WorstLatencyMs)
{
    public bool Breached => BreachMinutes.Length > 0;

    public double PeakDemand => Demand.Length == 0 ? 0 : Demand.Max();

    public double PeakCapacity => Capacity.Length == 0 ? 0 : Capacity.Max();
}
