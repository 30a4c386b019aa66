using Microsoft.AspNetCore.Authentication.JwtBearer;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.Auth;

/// <summary>OIDC tokens become callers: the team comes from a claim, admin from a role claim value.</summary>
internal static class JwtCallers
{
    public static void Configure(JwtBearerOptions options, JwtOptions settings)
    {
        options.Authority = settings.Authority;
        options.Audience = settings.Audience;
        options.MapInboundClaims = false;
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var principal = context.Principal!;
                var team = principal.FindFirst(settings.TeamClaim)?.Value;
                if (string.IsNullOrEmpty(team))
                {
                    context.Fail($"the token has no '{settings.TeamClaim}' claim");
                    return Task.CompletedTask;
                }

                var subject = principal.FindFirst("sub")?.Value ?? principal.FindFirst("email")?.Value ?? "unknown";
                var isAdmin = principal.FindAll(settings.RoleClaim).Any(c => string.Equals(c.Value, settings.AdminRole, StringComparison.Ordinal));
                context.Principal = CallerClaims.ToPrincipal(new CallerIdentity($"oidc:{subject}", team, isAdmin), JwtBearerDefaults.AuthenticationScheme);
                return Task.CompletedTask;
            },
        };
    }
}
