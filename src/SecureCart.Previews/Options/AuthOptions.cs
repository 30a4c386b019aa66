using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SecureCart.Previews.Options;

internal sealed class AuthOptions
{
    public const string Section = "Previews:Auth";

    /// <summary>
    /// Development only: an admin key of team "dev" that exists only when set here (e.g. in user secrets). Nothing is
    /// generated or logged; with this empty, the first key comes from an operator writing it to the state store.
    /// </summary>
    [RegularExpression(@"\Ascp_[A-Za-z0-9_-]{32,200}\z", ErrorMessage = "Previews:Auth:DevelopmentKey must be 'scp_' followed by at least 32 letters, digits, '-' or '_'.")]
    public string? DevelopmentKey { get; set; }

    /// <summary>How long a replica trusts a key it has looked up; a revoked key stops working everywhere within this time. 0 looks every request up.</summary>
    [Range(0, 300)] public int KeyCacheSeconds { get; set; } = 10;

    [ValidateObjectMembers] public JwtOptions Jwt { get; set; } = new();
}
