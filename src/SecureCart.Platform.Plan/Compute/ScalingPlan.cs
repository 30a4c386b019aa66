using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Compute;

/// <summary>
/// Task counts and Application Auto Scaling for one service. After the first deployment the desired count
/// belongs to auto scaling: the program must not reset it on every update.
/// </summary>
public sealed record ScalingPlan(
    int Min,
    int Desired,
    int Max,
    ImmutableArray<TargetTrackingPlan> TargetTracking,
    ImmutableArray<ScheduledScalingPlan> Scheduled);
