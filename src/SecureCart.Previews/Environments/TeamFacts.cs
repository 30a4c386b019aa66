namespace SecureCart.Previews.Environments;

/// <summary>
/// What a create's rules need about its team, read after the team's chain head is locked (so every committed create
/// of the team is counted): live count and monthly cost, a live environment of the same name, and an earlier request
/// with the same Idempotency-Key.
/// </summary>
internal sealed class TeamFacts
{
    public int Live { get; init; }
    public decimal CommittedPerMonth { get; init; }
    public Guid? Clash { get; init; }
    public string? EarlierRequestHash { get; init; }
    public Guid? EarlierEnvironmentId { get; init; }
    public Guid? EarlierOperationId { get; init; }
}
