using System.Collections.Immutable;

namespace SecureCart.Platform.Simulation.Results;

/// <summary>One stack over the profile: every component, the cost per hour minute by minute, and the totals.</summary>
/// <param name="Demand">Requests per second arriving at the stack each minute (both doors, before throttling).</param>
/// <param name="Capacity">Requests per second its HTTP services could serve each minute: the least of each service's capacity over its calls per request.</param>
/// <param name="HourlyUsd">Cost per hour each minute: the plan's fixed items plus the tasks and worker instances running.</param>
public sealed record StackResult(
    string Stack,
    string Region,
    ImmutableArray<ComponentResult> Components,
    ImmutableArray<double> Demand,
    ImmutableArray<double> Capacity,
    ImmutableArray<double> HourlyUsd,
    double TotalUsd)
{
    /// <summary>Price keys the Region has no price for; the cost counts them as zero.</summary>
    public ImmutableArray<string> Unpriced { get; init; } = [];

    public double PeakHourlyUsd => HourlyUsd.Length == 0 ? 0 : HourlyUsd.Max();

    /// <summary>Minutes in which any component was over its SLO.</summary>
    public int BreachMinutes => Components.SelectMany(c => c.BreachMinutes).Distinct().Count();

    public double Rejected => Components.Where(c => c.Kind is ComponentKind.Service or ComponentKind.ApiGateway or ComponentKind.Table).Sum(c => c.Rejected);
}
