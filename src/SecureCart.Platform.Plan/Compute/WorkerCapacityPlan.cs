using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Compute;

/// <summary>
/// The EC2 Auto Scaling group behind the worker capacity provider: mixed instance types, an on-demand base,
/// Spot above it, and ECS managed scaling so the group follows the tasks (Black Friday backlogs).
/// </summary>
public sealed record WorkerCapacityPlan(
    string CapacityProviderName,
    string AutoScalingGroupName,
    string LaunchTemplateName,
    string AmiParameter,
    ImmutableArray<string> InstanceTypes,
    int MinSize,
    int MaxSize,
    int OnDemandBaseCapacity,
    int OnDemandPercentAboveBase,
    string SpotAllocationStrategy,
    int ManagedScalingTargetCapacity);
