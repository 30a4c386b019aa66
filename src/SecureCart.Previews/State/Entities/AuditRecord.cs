namespace SecureCart.Previews.State.Entities;

public sealed class AuditRecord
{
    /// <summary>Unique across all chains, in the order appends took their number (the API pages by it).</summary>
    public long Sequence { get; set; }

    /// <summary>The row's place in its team's chain, from 1; 0 marks a row of the single chain kept from before chains per team.</summary>
    public long ChainSequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Team { get; set; } = "";
    public string Action { get; set; } = "";
    public Guid? EnvironmentId { get; set; }
    public string Outcome { get; set; } = "";
    public string RequestId { get; set; } = "";
    public string SourceAddress { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
