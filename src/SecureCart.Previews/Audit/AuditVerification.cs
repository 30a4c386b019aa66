namespace SecureCart.Previews.Audit;

/// <param name="FirstBadSequence">The first row where the chain breaks, when it does.</param>
/// <param name="AnchorsChecked">How many heads written outside the database the chain was compared with.</param>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstBadSequence, string? Problem, int AnchorsChecked = 0);
