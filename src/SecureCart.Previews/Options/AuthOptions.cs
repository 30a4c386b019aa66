using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

internal sealed class AuthOptions
{
    /// <summary>Development only: an admin key of team "dev"; generated and printed when empty.</summary>
    public string? DevelopmentKey { get; set; }

    /// <summary>Seed the development key at startup (on by default for `dotnet run`, off in production settings).</summary>
    public bool SeedDevelopmentKey { get; set; } = true;

    /// <summary>How long a replica trusts a key it has looked up; a revoked key stops working within this time. 0 looks every request up.</summary>
    [Range(0, 300)] public int KeyCacheSeconds { get; set; } = 10;

    public JwtOptions Jwt { get; set; } = new();
}
