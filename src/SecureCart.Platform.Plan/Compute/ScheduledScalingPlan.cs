namespace SecureCart.Platform.Plan.Compute;

/// <summary>A scheduled action setting the min/max capacity: one-off (<c>at(...)</c>, UTC) or yearly (<c>cron(...)</c>, UTC).</summary>
/// <param name="OnceAt">The instant of a one-off action; null for a recurring one. A one-off action in the past never runs again.</param>
public sealed record ScheduledScalingPlan(string Name, string Schedule, int MinCapacity, int MaxCapacity, DateTimeOffset? OnceAt = null);
