namespace SecureCart.Platform.Plan.Compute;

/// <summary>A target-tracking policy on a predefined ECS metric.</summary>
/// <param name="PredefinedMetric">ECSServiceAverageCPUUtilization or ALBRequestCountPerTarget.</param>
public sealed record TargetTrackingPlan(string Name, string PredefinedMetric, double TargetValue, int ScaleOutCooldownSeconds, int ScaleInCooldownSeconds);
