namespace SecureCart.Previews.Api;

/// <param name="Team">Optional: defaults to the caller's team and must equal it.</param>
/// <param name="GitRef">Branch, tag or commit to build; give this or <paramref name="ImageTag"/>.</param>
/// <param name="TtlHours">Lifetime in hours: default 24, at most 168 (7 days).</param>
public sealed record CreateEnvironmentRequest(string? Team, string? Name, string? GitRef, string? ImageTag, string? Size, int? TtlHours);
