namespace SecureCart.Previews.Audit;

/// <summary>The chain's head as it was at <paramref name="At"/>: row <paramref name="Sequence"/> had hash <paramref name="Hash"/>.</summary>
public sealed record AuditAnchor(long Sequence, string Hash, DateTimeOffset At);
