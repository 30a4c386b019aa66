namespace SecureCart.Previews.Api;

public sealed record CreateApiKeyRequest(string? Team, string? Name, bool? Admin);
