namespace SecureCart.Previews.State.Entities;

public sealed class AuditRecord
{
    public long Sequence { get; set; }
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
