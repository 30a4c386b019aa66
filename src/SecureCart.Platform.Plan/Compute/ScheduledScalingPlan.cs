namespace SecureCart.Platform.Plan.Compute;

/// <summary>A one-off scheduled action: <c>at(...)</c> in UTC, setting the min/max capacity.</summary>
public sealed record ScheduledScalingPlan(string Name, string Schedule, int MinCapacity, int MaxCapacity);
