namespace SecureCart.Previews.Notices;

/// <summary>What a notice says, the same on every channel (the webhook body is this, as JSON).</summary>
public sealed record ExpiryNotice(
    string Type,
    Guid NoticeId,
    Guid EnvironmentId,
    string Team,
    string Name,
    string? Url,
    DateTimeOffset ExpiresAt,
    int LeadMinutes,
    Uri ExtendUrl,
    int ExtendHours)
{
    public const string ExpiringType = "environment.expiring";
}
