using System.Security.Claims;

namespace SecureCart.Previews.Auth;

internal static class CallerClaims
{
    public const string Team = "securecart:team";
    public const string AdminPolicy = "previews-admin";
    public const string AdminRole = "admin";

    public static ClaimsPrincipal ToPrincipal(CallerIdentity caller, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, caller.Actor), new(Team, caller.Team) };
        if (caller.IsAdmin)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdminRole));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>Every authenticated principal carries a team (the authorization policy requires it).</summary>
    public static CallerIdentity ToCaller(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "unknown",
        user.FindFirst(Team)?.Value ?? throw new InvalidOperationException("authenticated caller has no team claim"),
        user.IsInRole(AdminRole));
}
