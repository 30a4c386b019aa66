using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.DeveloperConsole;

/// <summary>
/// "Sign in with …": the authorization code flow with PKCE against the issuer the API already trusts. The id token's
/// claims go through the API's own mapping (<see cref="JwtCallers.ToCaller"/>), and the session is the console's
/// usual cookie. Every way the round trip can fail ends on the sign-in page with a reason, never on an error page.
/// </summary>
internal static class ConsoleOidc
{
    public const string SchemeName = "ConsoleOidc";
    public const string StartPath = $"{ConsoleAuthentication.PathPrefix}/sign-in/oidc";

    // The answers an issuer gives when the person, not the protocol, said no (OpenID Connect Core 1.0, 3.1.2.6).
    private static readonly HashSet<string> s_refusals = new(StringComparer.Ordinal)
    {
        "access_denied", "login_required", "interaction_required", "consent_required", "account_selection_required", "unauthorized_client",
    };

    public static AuthenticationBuilder AddConsoleOidc(this AuthenticationBuilder builder, ConsoleOidcOptions oidc, JwtOptions claims) =>
        builder.AddOpenIdConnect(SchemeName, oidc.DisplayName, o => Configure(o, oidc, claims));

    public static IEndpointConventionBuilder MapConsoleOidc(this IEndpointRouteBuilder app) =>
        app.MapGet(StartPath, StartAsync).AllowAnonymous().ExcludeFromDescription();

    public static string SignInPage(string problem) => $"{ConsoleAuthentication.PathPrefix}/sign-in?problem={Uri.EscapeDataString(problem)}";

    private static void Configure(OpenIdConnectOptions o, ConsoleOidcOptions oidc, JwtOptions claims)
    {
        o.Authority = claims.Authority;
        o.RequireHttpsMetadata = claims.RequireHttpsMetadata;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        // The answer comes back as a top-level GET, which carries SameSite=Lax cookies; the handler's default,
        // form_post, is a cross-site POST whose correlation cookie would have to be SameSite=None.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = false;
        o.Scope.Clear();
        foreach (var scope in oidc.EffectiveScopes)
        {
            o.Scope.Add(scope);
        }

        o.CallbackPath = ConsoleOidcOptions.CallbackPath;
        o.SignInScheme = ConsoleAuthentication.SchemeName;
        // A person is waiting on the page: a hanging issuer becomes the "did not answer" message sooner than the default minute.
        o.BackchannelTimeout = TimeSpan.FromSeconds(20);
        o.TokenValidationParameters.ValidAlgorithms = JwtCallers.SignatureAlgorithms;
        o.TokenValidationParameters.NameClaimType = "sub";
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.HttpOnly = true;
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        o.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context => SignInAsync(context, oidc, claims),
            OnAccessDenied = context => EndOnSignInPage(context, context.HttpContext, SignInProblem.Refused, null),
            OnRemoteFailure = context => EndOnSignInPage(context, context.HttpContext, Classify(context.Failure), context.Failure),
        };
    }

    private static Task SignInAsync(TokenValidatedContext context, ConsoleOidcOptions oidc, JwtOptions claims)
    {
        var logger = Logger(context.HttpContext);
        if (JwtCallers.ToCaller(context.Principal!, claims) is not { } caller)
        {
            ConsoleLog.SignInWithoutTeam(logger, context.Principal!.FindFirst("sub")?.Value ?? "unknown", claims.TeamClaim);
            context.HandleResponse();
            context.Response.Redirect(SignInPage(SignInProblem.NoTeam));
            return Task.CompletedTask;
        }

        context.Principal = CallerClaims.ToPrincipal(caller, ConsoleAuthentication.SchemeName);
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        ConsoleAuthentication.MarkIssuerSession(context.Properties!, now.AddHours(oidc.SessionHours));
        ConsoleLog.SignedIn(logger, caller.Actor, caller.Team);
        return Task.CompletedTask;
    }

    private static Task EndOnSignInPage<TOptions>(HandleRequestContext<TOptions> context, HttpContext http, string problem, Exception? failure)
        where TOptions : AuthenticationSchemeOptions
    {
        // The exception stays in the log; the page gets only the reason's code.
        ConsoleLog.IssuerSignInFailed(Logger(http), problem, failure);
        context.HandleResponse();
        http.Response.Redirect(SignInPage(problem));
        return Task.CompletedTask;
    }

    private static string Classify(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpRequestException or IOException or TaskCanceledException:
                    return SignInProblem.Unreachable;
                case OpenIdConnectProtocolException when e.Data["error"] is string error && s_refusals.Contains(error):
                    return SignInProblem.Refused;
                case AuthenticationFailureException:
                    // A missing or altered state, or no correlation cookie: the answer belongs to no sign-in started here.
                    return SignInProblem.Unmatched;
            }
        }

        return SignInProblem.Failed;
    }

    private static async Task<IResult> StartAsync(
        [FromQuery(Name = "ReturnUrl")] string? returnUrl, IOptionsMonitor<OpenIdConnectOptions> options, HttpContext http, CancellationToken cancellationToken)
    {
        // Fetched here rather than inside the challenge, where an unreachable issuer would surface as a 500.
        try
        {
            await options.Get(SchemeName).ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            ConsoleLog.IssuerSignInFailed(Logger(http), SignInProblem.Unreachable, e);
            return TypedResults.Redirect(SignInPage(SignInProblem.Unreachable));
        }

        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = ConsoleAuthentication.SafeReturn(returnUrl) }, [SchemeName]);
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleOidc).FullName!);
}
