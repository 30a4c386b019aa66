using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SecureCart.Previews.Tests.Support;

/// <summary>
/// A real OpenID Connect provider on Kestrel (OpenIddict's server, its applications in SQLite in memory): discovery,
/// JWKS, the authorization endpoint with a one-field login page, and the token endpoint that redeems codes against
/// PKCE and the client secret. Each known user name signs in with the claims given for it.
/// </summary>
public sealed class OpenIddictIssuer : IAsyncDisposable
{
    public const string ClientId = "securecart-console";
    public const string ClientSecret = "console-client-secret-for-tests";

    private readonly WebApplication _app;
    private readonly SqliteConnection _store;
    private bool _stopped;

    private OpenIddictIssuer(WebApplication app, SqliteConnection store, string authority)
    {
        _app = app;
        _store = store;
        Authority = authority;
    }

    /// <summary>The issuer's base address, without the trailing slash its tokens carry in "iss".</summary>
    public string Authority { get; }

    /// <summary>Starts the issuer; <paramref name="users"/> maps each user name to the claims its id token carries beside "sub".</summary>
    public static async Task<OpenIddictIssuer> StartAsync(IReadOnlyDictionary<string, Claim[]> users)
    {
        var store = new SqliteConnection("Data Source=:memory:");
        await store.OpenAsync();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<IssuerStore>(o => o.UseSqlite(store).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IssuerStore>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                // Plain HTTP on loopback: the tests have no certificate, and nothing leaves the machine.
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        var app = builder.Build();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext http) => Authorize(http, users));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IssuerStore>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        // Its first answers are slow (key material, the handler pipeline): pay that here, not inside a sign-in with a timeout.
        using (var warm = new HttpClient())
        {
            await warm.GetStringAsync(new Uri($"{address}/.well-known/openid-configuration"));
            await warm.GetStringAsync(new Uri($"{address}/.well-known/jwks"));
        }

        return new OpenIddictIssuer(app, store, address);
    }

    /// <summary>Registers the console as a confidential client that may only be sent back to <paramref name="redirectUri"/>.</summary>
    public async Task RegisterConsoleAsync(Uri redirectUri)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "SecureCart previews console",
            RedirectUris = { redirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code, Permissions.Prefixes.Scope + Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    /// <summary>Stops answering (connections are refused from now on), as an issuer that went down.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    /// <summary>
    /// GET: the login page, which posts the same authorization request back with a user name. POST with a known user:
    /// a signed-in principal for OpenIddict to answer with a code; "deny" answers access_denied.
    /// </summary>
    private static IResult Authorize(HttpContext http, IReadOnlyDictionary<string, Claim[]> users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var user = (string?)request.GetParameter("login_user");
        if (request.GetParameter("login_deny") is not null)
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        if (user is null || !users.TryGetValue(user, out var claims))
        {
            return Results.Content(LoginPage(request, user is null ? null : $"No user {user}."), "text/html; charset=utf-8");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user));
        identity.AddClaim(new Claim(Claims.Name, user));
        identity.AddClaims(claims);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes());
        principal.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static string LoginPage(OpenIddictRequest request, string? error)
    {
        var page = new StringBuilder("""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Test issuer</title></head>
            <body><h1>Test issuer</h1><form method="post" action="/connect/authorize">
            """);
        foreach (var (name, value) in request.GetParameters())
        {
            if (name is not ("login_user" or "login_deny"))
            {
                page.Append(CultureInfoFree($"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode((string?)value)}\">"));
            }
        }

        if (error is not null)
        {
            page.Append(CultureInfoFree($"<p id=\"issuer-error\">{WebUtility.HtmlEncode(error)}</p>"));
        }

        page.Append("""
            <label for="login_user">User</label><input id="login_user" name="login_user">
            <button type="submit" id="issuer-sign-in">Sign in</button>
            <button type="submit" id="issuer-deny" name="login_deny" value="1">Deny</button>
            </form></body></html>
            """);
        return page.ToString();
    }

    private static string CultureInfoFree(FormattableString text) => FormattableString.Invariant(text);

    private sealed class IssuerStore(DbContextOptions<IssuerStore> options) : DbContext(options);
}
