namespace SecureCart.Previews.Api;

/// <param name="Url">Absolute http(s) URL that receives this environment's notices (its team's webhook when absent).</param>
public sealed record NoticeWebhookRequest(string? Url);
