namespace SecureCart.Previews.State.Entities;

/// <summary>An environment's own webhook for its notices, instead of its team's.</summary>
public sealed class NoticeTargetRecord
{
    public Guid EnvironmentId { get; set; }
    public string WebhookUrl { get; set; } = "";
}
