using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SecureCart.Previews.Auth;

namespace SecureCart.Previews.DeveloperConsole;

/// <summary>
/// The console signs in with the same API keys as the API, or through the API's OIDC issuer (<see cref="ConsoleOidc"/>).
/// Either way the session is an encrypted, HttpOnly, SameSite=Lax cookie (Secure whenever the request is HTTPS). A key
/// rides in it and is checked again through the same lookup on every request, so revoking the key ends the console
/// session as well; a session from the issuer carries the claims mapped at sign-in and ends at a fixed time.
/// </summary>
internal static class ConsoleAuthentication
{
    public const string SchemeName = "Console";
    public const string CookieName = "securecart-console";
    public const string PathPrefix = "/console";
    private const string KeyItem = "key";
    private const string IssuerItem = "issuer";

    /// <summary>
    /// Console pages always use the cookie. Elsewhere the cookie counts only for reads without an Authorization header
    /// (the console watches operations through the API's event stream); writes to the API keep needing a bearer key,
    /// so a cookie can never be ridden into an API write.
    /// </summary>
    public static bool Selects(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return string.IsNullOrEmpty(context.Request.Headers.Authorization)
            && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && context.Request.Cookies.ContainsKey(CookieName);
    }

    public static AuthenticationBuilder AddConsoleCookie(this AuthenticationBuilder builder) =>
        builder.AddCookie(SchemeName, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            // Lax, not Strict: the issuer's redirect back to the console is a navigation that started on another site,
            // and a Strict cookie set along that chain would not come with it (the person would land signed out).
            // Writes stay safe: console forms carry antiforgery tokens, and the API takes no write on the cookie.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Path "/" because the console's pages read the API's event stream with the same cookie.
            o.Cookie.Path = "/";
            o.LoginPath = $"{PathPrefix}/sign-in";
            o.AccessDeniedPath = $"{PathPrefix}/sign-in";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = ValidateAsync;
            o.Events.OnRedirectToLogin = context => RedirectOrRefuse(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrRefuse(context, StatusCodes.Status403Forbidden);
        });

    public static Task SignInAsync(HttpContext http, CallerIdentity caller, string key)
    {
        ArgumentNullException.ThrowIfNull(http);
        var properties = new AuthenticationProperties { IsPersistent = false };
        properties.Items[KeyItem] = key;
        return http.SignInAsync(SchemeName, CallerClaims.ToPrincipal(caller, SchemeName), properties);
    }

    /// <summary>A session from the issuer: its claims stand until <paramref name="until"/>, never slid forward.</summary>
    public static void MarkIssuerSession(AuthenticationProperties properties, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(properties);
        properties.IsPersistent = false;
        properties.AllowRefresh = false;
        properties.ExpiresUtc = until;
        properties.Items[IssuerItem] = "oidc";
    }

    /// <summary>Only back into the console: a return address elsewhere would make sign-in an open redirect.</summary>
    public static string SafeReturn(string? url) =>
        url is not null && url.StartsWith(PathPrefix, StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : PathPrefix;

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Properties.Items.ContainsKey(IssuerItem))
        {
            // The issuer answered for these claims at sign-in; the cookie handler has already refused the ticket if its time is up.
            return;
        }

        var key = context.Properties.Items.TryGetValue(KeyItem, out var stored) ? stored : null;
        var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeys>();
        var caller = key is null ? null : await keys.FindAsync(key, context.HttpContext.RequestAborted);
        if (caller is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SchemeName);
            return;
        }

        // The key's current team and role, not the ones it had at sign-in.
        context.ReplacePrincipal(CallerClaims.ToPrincipal(caller, SchemeName));
    }

    /// <summary>Pages go to the sign-in form; anything else (the event stream) gets a status code, not an HTML page.</summary>
    private static Task RedirectOrRefuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
