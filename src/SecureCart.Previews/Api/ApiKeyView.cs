namespace SecureCart.Previews.Api;

/// <param name="Prefix">The key's first characters, enough to recognise it; the key itself is never shown again.</param>
public sealed record ApiKeyView(Guid Id, string Team, string Name, bool Admin, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
