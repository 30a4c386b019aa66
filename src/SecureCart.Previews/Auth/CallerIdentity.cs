namespace SecureCart.Previews.Auth;

/// <param name="Actor">The key's or token subject's name, written to the audit log.</param>
public sealed record CallerIdentity(string Actor, string Team, bool IsAdmin);
