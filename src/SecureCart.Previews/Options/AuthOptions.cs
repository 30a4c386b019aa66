namespace SecureCart.Previews.Options;

internal sealed class AuthOptions
{
    /// <summary>Development only: an admin key of team "dev"; generated and printed when empty.</summary>
    public string? DevelopmentKey { get; set; }

    /// <summary>Seed the development key at startup (on by default for `dotnet run`, off in production settings).</summary>
    public bool SeedDevelopmentKey { get; set; } = true;

    public JwtOptions Jwt { get; set; } = new();
}
