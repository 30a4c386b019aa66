using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

/// <summary>
/// The console's "Sign in with …" button: the authorization code flow with PKCE against the same issuer the API
/// trusts for bearer tokens (<see cref="JwtOptions.Authority"/>), mapped to a team by the same claims. Off when
/// <see cref="ClientId"/> is empty.
/// </summary>
internal sealed class ConsoleOidcOptions
{
    public const string Section = "Previews:Auth:ConsoleOidc";

    /// <summary>Where the issuer sends the browser back; register it at the issuer as https://&lt;host&gt;/console/signin-oidc.</summary>
    public const string CallbackPath = "/console/signin-oidc";

    /// <summary>The console's client at the issuer.</summary>
    public string? ClientId { get; set; }

    /// <summary>A confidential client's secret (keep it in a secret store, not in appsettings); empty for a public client, which PKCE alone protects.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Shown on the button and in messages: "Sign in with Contoso SSO".</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Previews:Auth:ConsoleOidc:DisplayName must name the identity provider for the sign-in button (e.g. Contoso SSO).")]
    [StringLength(60, ErrorMessage = "Previews:Auth:ConsoleOidc:DisplayName must be at most 60 characters: it is a button label.")]
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>
    /// Scopes asked for (openid and profile when none are set); must include openid. Add the scope your issuer needs
    /// to put the team claim in the id token. Empty by default because configuration binding adds to an array's
    /// existing items rather than replacing them.
    /// </summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>How long a console session from the issuer lasts before the browser is sent through the issuer again (no sliding).</summary>
    [Range(1, 24, ErrorMessage = "Previews:Auth:ConsoleOidc:SessionHours must be between 1 and 24.")]
    public int SessionHours { get; set; } = 8;

    public bool Enabled => !string.IsNullOrEmpty(ClientId);

    public IReadOnlyList<string> EffectiveScopes => Scopes.Length == 0 ? ["openid", "profile"] : Scopes;
}
