using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

internal sealed class JwtOptions
{
    /// <summary>OIDC issuer; JWT bearer is off when empty.</summary>
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>Fetch the issuer's metadata over HTTPS only; switch off only for an issuer on loopback in tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    // Empty claim names would map every token to no team / no admin; say so at start-up instead.
    [Required(AllowEmptyStrings = false, ErrorMessage = "Previews:Auth:Jwt:TeamClaim must name the token claim that holds the caller's team (e.g. team).")]
    public string TeamClaim { get; set; } = "team";
    [Required(AllowEmptyStrings = false, ErrorMessage = "Previews:Auth:Jwt:RoleClaim must name the token claim that holds the caller's roles (e.g. role).")]
    public string RoleClaim { get; set; } = "role";
    public string AdminRole { get; set; } = "previews-admin";
}
