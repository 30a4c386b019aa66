using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Plan.Recovery;

/// <summary>
/// Which stack keeps a copy of which. The stacks form a ring in region order: each stack hosts the cross-Region copies
/// of the stack before it (its standby replica and replicated backups) and keeps its own copies in the stack after it.
/// With two stacks each protects the other; a third region joins the ring without editing the others' files.
/// </summary>
public static class RecoveryPartners
{
    /// <summary>The stack whose region holds this stack's copies; null when the project has no other stack.</summary>
    public static StackSettings? KeptBy(StackSettings stack, IReadOnlyList<StackSettings> allStacks) => Neighbour(stack, allStacks, +1);

    /// <summary>The stack whose copies this stack's region holds; null when the project has no other stack.</summary>
    public static StackSettings? Protects(StackSettings stack, IReadOnlyList<StackSettings> allStacks) => Neighbour(stack, allStacks, -1);

    private static StackSettings? Neighbour(StackSettings stack, IReadOnlyList<StackSettings> allStacks, int step)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(allStacks);
        var ring = allStacks.OrderBy(s => s.Region, StringComparer.Ordinal).ThenBy(s => s.StackName, StringComparer.Ordinal).ToList();
        var index = ring.FindIndex(s => s.StackName == stack.StackName);
        if (ring.Count < 2 || index < 0)
        {
            return null;
        }

        var neighbour = ring[(index + step + ring.Count) % ring.Count];
        // Two stacks in one region protect nothing from a region failure.
        return neighbour.Region == stack.Region ? null : neighbour;
    }
}
