namespace SecureCart.Previews.Audit;

/// <summary>Who did what to which environment, with what outcome, from where.</summary>
public sealed record AuditEntry(
    string Actor,
    string Team,
    string Action,
    Guid? EnvironmentId,
    string Outcome,
    string RequestId,
    string SourceAddress);
