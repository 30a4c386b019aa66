namespace SecureCart.Previews.State.Entities;

/// <summary>
/// One notice: environment × the expiry it warns about × lead time × channel. The key is the claim: a second
/// replica (or a second tick) inserting the same notice fails, so none is sent twice. An extend moves the expiry,
/// so the new expiry gets its own notices.
/// </summary>
public sealed class ExpiryNoticeRecord
{
    public Guid Id { get; set; }
    public Guid EnvironmentId { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int LeadMinutes { get; set; }

    /// <summary>"webhook" or "email".</summary>
    public string Channel { get; set; } = "";
    public string Target { get; set; } = "";

    /// <summary>Pending, Sending, Delivered, Failed (attempts used up) or Skipped (destroyed or extended first).</summary>
    public string Status { get; set; } = "";
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimExpiresAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
