using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Recovery;

/// <summary>How this stack's data survives the loss of its region, and what the operators do when it happens.</summary>
/// <param name="KeptByStack">The stack whose region holds this stack's copies (standby replica, replicated backups); null without one.</param>
/// <param name="KeptByRegion">That stack's region.</param>
/// <param name="ProtectsStack">The stack whose copies this stack's region holds; null without one.</param>
/// <param name="Objectives">RPO and RTO per data store, for a zone failure and for a region failure.</param>
/// <param name="RegionFailurePath">What happens, in order, when this stack's region is lost: automatic steps first, then the runbook's.</param>
public sealed record RecoveryPlan(
    string? KeptByStack,
    string? KeptByRegion,
    string? ProtectsStack,
    ImmutableArray<RecoveryObjective> Objectives,
    ImmutableArray<string> RegionFailurePath);
