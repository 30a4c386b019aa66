namespace SecureCart.Previews.Options;

internal sealed class JwtOptions
{
    /// <summary>OIDC issuer; JWT bearer is off when empty.</summary>
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>Fetch the issuer's metadata over HTTPS only; switch off only for an issuer on loopback in tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
    public string TeamClaim { get; set; } = "team";
    public string RoleClaim { get; set; } = "role";
    public string AdminRole { get; set; } = "previews-admin";
}
