namespace SecureCart.Previews.Audit;

/// <summary>
/// A chain's head as it was at <paramref name="At"/>: position <paramref name="Sequence"/> had hash
/// <paramref name="Hash"/>. <paramref name="Team"/> names the chain; null for the single chain kept from before
/// chains per team (anchor lines written then have no team).
/// </summary>
public sealed record AuditAnchor(long Sequence, string Hash, DateTimeOffset At, string? Team = null);
