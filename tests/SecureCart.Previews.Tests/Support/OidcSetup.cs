using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Tests.Support;

/// <summary>The issuer, then the service trusting it (on the system clock unless given one), then the console's client registered at the issuer.</summary>
public sealed record OidcSetup(OpenIddictIssuer Issuer, TestDatabase Database, PreviewsServer Server, CapturedLogs Logs) : IAsyncDisposable
{
    public const string DisplayName = "Test SSO";

    /// <param name="clock">A fake clock the test moves (start it at the real time: the browser judges the issuer's cookies by the real one).</param>
    public static async Task<OidcSetup> StartAsync(string provider = "Sqlite", IPreviewEngine? engine = null, FakeTimeProvider? clock = null)
    {
        var issuer = await OpenIddictIssuer.StartAsync(new Dictionary<string, Claim[]>
        {
            ["dana"] = [new("team", "alpha")],
            ["no-team"] = [new("email", "no-team@example.test")],
        });
        var database = await TestDatabase.CreateAsync(provider);
        var logs = new CapturedLogs();
        var server = clock is null
            ? await PreviewsServer.StartReplicaAsync(database, null, engine ?? new ControllableEngine(), Settings(issuer), logs)
            : await PreviewsServer.StartReplicaAsync(database, clock, Settings(issuer));
        await issuer.RegisterConsoleAsync(new Uri(server.Address, "/console/signin-oidc"));
        return new OidcSetup(issuer, database, server, logs);
    }

    public static Dictionary<string, string?> Settings(OpenIddictIssuer issuer) => new()
    {
        ["Previews:Auth:Jwt:Authority"] = issuer.Authority,
        ["Previews:Auth:Jwt:Audience"] = "securecart-previews",
        ["Previews:Auth:Jwt:RequireHttpsMetadata"] = "false",
        ["Previews:Auth:ConsoleOidc:ClientId"] = OpenIddictIssuer.ClientId,
        ["Previews:Auth:ConsoleOidc:ClientSecret"] = OpenIddictIssuer.ClientSecret,
        ["Previews:Auth:ConsoleOidc:DisplayName"] = DisplayName,
    };

    /// <summary>A cookie-keeping client that does not follow redirects, so each hop can be looked at.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = Server.Address };

    /// <summary>At the issuer's login page as <paramref name="user"/> (or pressing "Deny"); returns where the issuer sends the browser back.</summary>
    public async Task<Uri> AuthorizeAsync(HttpClient browser, Uri authorize, string user, bool deny = false)
    {
        var login = await browser.GetAsync(authorize);
        Assert.True(login.StatusCode == HttpStatusCode.OK, $"{authorize}: {login.StatusCode}\n{string.Join("\n", Logs.Lines.Select(l => $"{l.EventId} {l.Message} {l.Exception}"))}");
        var form = QueryHelpers.ParseQuery(authorize.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        form["login_user"] = user;
        if (deny)
        {
            form["login_deny"] = "1";
        }

        var answer = await browser.PostAsync(new Uri($"{Issuer.Authority}/connect/authorize"), new FormUrlEncodedContent(form));
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"{answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return answer.Headers.Location!;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Database.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
