namespace SecureCart.Previews.Api;

/// <summary>The environment after a notice's link extended it.</summary>
public sealed record ExtendedView(Guid Id, string Team, string Name, DateTimeOffset ExpiresAt);
