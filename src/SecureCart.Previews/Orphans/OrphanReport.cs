using System.Collections.Immutable;

namespace SecureCart.Previews.Orphans;

/// <summary>What one sweep found and did. <see cref="CanList"/> is false when the engine cannot list its stacks.</summary>
public sealed record OrphanReport(
    DateTimeOffset CheckedAt,
    string Engine,
    bool CanList,
    bool DestroyStacks,
    ImmutableArray<OrphanStackFinding> OrphanStacks,
    ImmutableArray<StacklessEnvironment> StacklessEnvironments);
