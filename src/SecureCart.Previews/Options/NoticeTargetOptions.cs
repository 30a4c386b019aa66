namespace SecureCart.Previews.Options;

/// <summary>Where one team's notices go; either or both.</summary>
internal sealed class NoticeTargetOptions
{
    public string? WebhookUrl { get; set; }
    public string? Email { get; set; }
}
