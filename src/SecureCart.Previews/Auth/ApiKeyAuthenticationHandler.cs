using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Logging;

namespace SecureCart.Previews.Auth;

internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("the Authorization header must be 'Bearer <api key>'");
        }

        var key = header["Bearer ".Length..].Trim();
        var caller = key.Length is > 0 and <= 200 ? await keys.FindAsync(key, Context.RequestAborted) : null;
        if (caller is null)
        {
            return Fail("the API key is unknown or revoked");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller, SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = Context.Items.TryGetValue(nameof(ApiKeyAuthenticationHandler), out var value) ? value as string : null;
        Response.Headers.WWWAuthenticate = "Bearer";
        await AuthProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            reason is null
                ? "Send 'Authorization: Bearer <api key>'. Ask a platform admin for a key of your team."
                : $"Authentication failed: {reason}. Send 'Authorization: Bearer <api key>' with a current key of your team.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Admin role required", "This endpoint is for platform admins; use an admin key.");

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[nameof(ApiKeyAuthenticationHandler)] = reason;
        Log.AuthenticationFailed(Logger, reason);
        return AuthenticateResult.Fail(reason);
    }
}
