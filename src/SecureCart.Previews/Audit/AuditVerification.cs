namespace SecureCart.Previews.Audit;

/// <param name="Entries">Rows checked, over every chain.</param>
/// <param name="FirstBadSequence">The first position in <paramref name="Chain"/> where it breaks, when it does.</param>
/// <param name="AnchorsChecked">How many heads written outside the database the chains were compared with.</param>
/// <param name="Chain">The team whose chain breaks; "" for the single chain kept from before chains per team.</param>
/// <param name="Chains">How many chains were checked (one per team, plus the sealed single chain when it has rows).</param>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstBadSequence, string? Problem, int AnchorsChecked = 0, string? Chain = null, int Chains = 0);
