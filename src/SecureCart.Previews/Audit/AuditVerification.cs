namespace SecureCart.Previews.Audit;

/// <param name="FirstBadSequence">The first row where the chain breaks, when it does.</param>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstBadSequence, string? Problem);
