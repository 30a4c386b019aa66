namespace SecureCart.Platform.Review.Risk;

/// <summary>
/// The plan's numbers the rules compare against. Built from the Plan by the host; the defaults are what the
/// production plan guarantees (two of everything: one per availability zone at least).
/// </summary>
public sealed record ReviewPolicy
{
    /// <summary>The lowest minimum capacity / desired count a production scaling target may have.</summary>
    public int ProductionCapacityFloor { get; init; } = 2;

    /// <summary>Ports that may be open to the whole internet.</summary>
    public IReadOnlySet<int> PublicPorts { get; init; } = new HashSet<int> { 80, 443 };

    /// <summary>Judge the resources of a stack export as they stand (each is a `same` step then).</summary>
    public bool AuditUnchanged { get; init; }
}
