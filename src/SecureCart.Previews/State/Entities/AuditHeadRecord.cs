namespace SecureCart.Previews.State.Entities;

/// <summary>
/// The tip of the single chain every append used to join; since chains are per team
/// (<see cref="AuditChainHeadRecord"/>) it is sealed: nothing appends to it, verification still checks it.
/// </summary>
public sealed class AuditHeadRecord
{
    public int Id { get; set; }
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = "";
}
