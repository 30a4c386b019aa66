namespace SecureCart.Previews.Environments;

/// <summary>A create as the caller gave it, not yet validated (see <see cref="CreateEnvironmentValidator"/>).</summary>
/// <param name="Team">Optional: defaults to the caller's team and must equal it.</param>
/// <param name="GitRef">Branch, tag or commit to build; this or <paramref name="ImageTag"/>.</param>
/// <param name="TtlHours">Lifetime in hours; the configured default when absent.</param>
internal sealed record CreateEnvironment(string? Team, string? Name, string? GitRef, string? ImageTag, string? Size, int? TtlHours);
