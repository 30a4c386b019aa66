namespace SecureCart.Previews.State.Entities;

/// <summary>The single row that serializes appends and remembers the chain's tip (so a removed last row shows).</summary>
public sealed class AuditHeadRecord
{
    public int Id { get; set; }
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = "";
}
