namespace SecureCart.Previews.State.Entities;

/// <summary>
/// One team's audit chain tip: the row that orders that team's appends (and only theirs) and remembers the last
/// link, so a removed last row shows.
/// </summary>
public sealed class AuditChainHeadRecord
{
    public string Team { get; set; } = "";
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = "";
}
