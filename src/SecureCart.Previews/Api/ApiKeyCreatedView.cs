namespace SecureCart.Previews.Api;

/// <param name="Key">Shown once: only its hash is stored.</param>
public sealed record ApiKeyCreatedView(Guid Id, string Team, string Name, bool Admin, string Key);
