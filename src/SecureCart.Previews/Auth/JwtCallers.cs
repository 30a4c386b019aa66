using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.Auth;

/// <summary>OIDC tokens become callers: the team comes from a claim, admin from a role claim value.</summary>
internal static class JwtCallers
{
    /// <summary>
    /// The one mapping from an issuer's claims to a caller, for API bearer tokens and console sign-ins alike; null when
    /// the claims name no team (the caller then has nothing it may see).
    /// </summary>
    public static CallerIdentity? ToCaller(ClaimsPrincipal principal, JwtOptions settings)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(settings);
        var team = principal.FindFirst(settings.TeamClaim)?.Value;
        if (string.IsNullOrEmpty(team))
        {
            return null;
        }

        var subject = principal.FindFirst("sub")?.Value ?? principal.FindFirst("email")?.Value ?? "unknown";
        var isAdmin = principal.FindAll(settings.RoleClaim).Any(c => string.Equals(c.Value, settings.AdminRole, StringComparison.Ordinal));
        return new CallerIdentity($"oidc:{subject}", team, isAdmin);
    }

    /// <summary>Only asymmetric signatures from the issuer's published keys, for bearer tokens and id tokens alike.</summary>
    public static IList<string> SignatureAlgorithms =>
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public static void Configure(JwtBearerOptions options, JwtOptions settings)
    {
        options.Authority = settings.Authority;
        options.Audience = settings.Audience;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.MapInboundClaims = false;

        // Only asymmetric signatures from the issuer's published keys: "none" and HMAC (a key anyone with the public
        // JWKS could forge with, under algorithm confusion) are refused before the signature is looked at.
        options.TokenValidationParameters.ValidAlgorithms = SignatureAlgorithms;
        options.TokenValidationParameters.ValidateAudience = true;
        options.TokenValidationParameters.RequireExpirationTime = true;
        options.TokenValidationParameters.RequireSignedTokens = true;
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (ToCaller(context.Principal!, settings) is not { } caller)
                {
                    context.Fail($"the token has no '{settings.TeamClaim}' claim");
                    return Task.CompletedTask;
                }

                context.Principal = CallerClaims.ToPrincipal(caller, JwtBearerDefaults.AuthenticationScheme);
                return Task.CompletedTask;
            },
            OnChallenge = async context =>
            {
                // The same problem body as an API key refusal; the token itself is never quoted back.
                context.HandleResponse();
                context.Response.Headers.WWWAuthenticate = "Bearer";
                var reason = context.AuthenticateFailure is null ? "" : " The token was refused (bad signature, expired, wrong audience or issuer, or no team claim).";
                await AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication required",
                    $"Send 'Authorization: Bearer <token>' with an access token from {settings.Authority} for audience '{settings.Audience}', or an API key.{reason}");
            },
            OnForbidden = context => AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Admin role required",
                $"This endpoint is for platform admins: the token needs a '{settings.RoleClaim}' claim with the value '{settings.AdminRole}'."),
        };
    }
}
