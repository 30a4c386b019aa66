using System.Collections.Immutable;

namespace SecureCart.Platform.Simulation.Results;

/// <summary>One run of the profile: the profile as written, or with one stack evacuated.</summary>
public sealed record ScenarioResult(string Name, int Minutes, ImmutableArray<StackResult> Stacks)
{
    public int BreachMinutes => Stacks.Sum(s => s.BreachMinutes);

    public double TotalUsd => Stacks.Sum(s => s.TotalUsd);

    public bool Breached => Stacks.Any(s => s.BreachMinutes > 0);
}
