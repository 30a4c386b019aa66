namespace SecureCart.Previews.Api;

public sealed record AuditEntryView(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Team,
    string Action,
    Guid? EnvironmentId,
    string Outcome,
    string RequestId,
    string SourceAddress,
    string PreviousHash,
    string Hash);
