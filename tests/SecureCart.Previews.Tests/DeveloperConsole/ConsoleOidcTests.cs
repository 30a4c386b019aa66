using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SecureCart.Previews.Auth;
using SecureCart.Previews.DeveloperConsole;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.DeveloperConsole;

/// <summary>
/// The console's sign-in through a real OpenID Connect issuer (OpenIddict on loopback), over plain HTTP: the code flow
/// with PKCE, the team from the id token, the session cookie, and every way the round trip can fail.
/// </summary>
public sealed partial class ConsoleOidcTests
{
    private const string DisplayName = OidcSetup.DisplayName;

    [Fact]
    public async Task SignIn_ThroughIssuer_SessionOfTokensTeamInLaxHttpOnlyCookie()
    {
        await using var setup = await OidcSetup.StartAsync();
        using var browser = setup.Browser();
        var page = await browser.GetStringAsync("/console/sign-in");
        Assert.Contains($"Sign in with {DisplayName}", page, StringComparison.Ordinal);
        Assert.Contains("id=\"key\"", page, StringComparison.Ordinal);

        var start = await browser.GetAsync("/console/sign-in/oidc?ReturnUrl=%2F%2Fattacker.example%2F");
        Assert.True(start.Headers.Location!.IsAbsoluteUri, start.Headers.Location.OriginalString);
        var authorize = start.Headers.Location;
        var query = QueryHelpers.ParseQuery(authorize.Query);
        var callback = await setup.AuthorizeAsync(browser, authorize, "dana");
        var done = await browser.GetAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal($"{setup.Issuer.Authority}/connect/authorize", authorize.GetLeftPart(UriPartial.Path));
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        // No form_post: the answer must come back as a top-level GET that carries the SameSite=Lax correlation cookie.
        Assert.DoesNotContain("form_post", query.TryGetValue("response_mode", out var mode) ? mode.ToString() : "", StringComparison.Ordinal);
        Assert.Equal(OpenIddictIssuer.ClientId, query["client_id"]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/console", done.Headers.Location!.OriginalString);
        var cookie = Assert.Single(done.Headers.GetValues("Set-Cookie"), c => c.StartsWith("securecart-console=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("securecart", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        var console = await browser.GetAsync("/console");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Matches("id=\"team\">alpha<", await console.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignOut_AfterIssuerSignIn_ClearsSession()
    {
        await using var setup = await OidcSetup.StartAsync();
        using var browser = setup.Browser();
        await browser.GetAsync(await setup.AuthorizeAsync(browser, (await browser.GetAsync("/console/sign-in/oidc")).Headers.Location!, "dana"));
        var page = await browser.GetStringAsync("/console");

        var signOut = await browser.PostAsync("/console/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-out",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value),
        }));
        var after = await browser.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("securecart-console=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/console/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_FromIssuer_EndsAfterSessionHoursEvenWhenUsed()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var setup = await OidcSetup.StartAsync(clock: clock);
        using var browser = setup.Browser();
        await browser.GetAsync(await setup.AuthorizeAsync(browser, (await browser.GetAsync("/console/sign-in/oidc")).Headers.Location!, "dana"));

        clock.Advance(TimeSpan.FromHours(7));
        var late = await browser.GetAsync("/console");
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var expired = await browser.GetAsync("/console");

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/console/sign-in", expired.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithKeyWhileOidcIsOn_StillWorks()
    {
        await using var setup = await OidcSetup.StartAsync();
        var key = ApiKeys.NewKey();
        await using (var db = await setup.Server.DbAsync())
        {
            await setup.Server.Services.GetRequiredService<ApiKeys>().AddAsync(db, "beta", "console-user", isAdmin: false, key, CancellationToken.None);
        }

        using var browser = setup.Browser();
        var page = await browser.GetStringAsync("/console/sign-in");
        var signedIn = await browser.PostAsync("/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value),
            ["Form.Key"] = key,
        }));
        var console = await browser.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Matches("id=\"team\">beta<", await console.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_TokenWithoutTeamClaim_ExplainsWhatIsMissingAndNoSession()
    {
        await using var setup = await OidcSetup.StartAsync();
        using var browser = setup.Browser();

        var done = await browser.GetAsync(await setup.AuthorizeAsync(browser, (await browser.GetAsync("/console/sign-in/oidc")).Headers.Location!, "no-team"));
        var explained = await browser.GetAsync(done.Headers.Location!);
        var console = await browser.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/console/sign-in?problem=no-team", done.Headers.Location!.OriginalString);
        Assert.False(done.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("securecart-console=", StringComparison.Ordinal) && !c.StartsWith("securecart-console=;", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, explained.StatusCode);
        var text = await explained.Content.ReadAsStringAsync();
        Assert.Contains("has no &#x27;team&#x27; claim", text, StringComparison.Ordinal);
        Assert.Contains($"Ask whoever runs {DisplayName}", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.Contains(setup.Logs.Lines, l => l.EventId == 2602 && l.Message.Contains("no-team", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Callback_StateAlteredOrFromAnotherBrowser_UnmatchedPageNotStackTrace()
    {
        await using var setup = await OidcSetup.StartAsync();
        using var browser = setup.Browser();
        using var other = setup.Browser();
        var callback = await setup.AuthorizeAsync(browser, (await browser.GetAsync("/console/sign-in/oidc")).Headers.Location!, "dana");
        var parameters = QueryHelpers.ParseQuery(callback.Query);
        var altered = QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), new Dictionary<string, string?>
        {
            ["code"] = parameters["code"],
            ["state"] = parameters["state"] + "x",
            ["iss"] = parameters["iss"],
        });

        foreach (var (client, url) in new[] { (browser, altered), (other, callback.AbsoluteUri) })
        {
            var answer = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal("/console/sign-in?problem=unmatched", answer.Headers.Location!.OriginalString);
            await AssertProblemPageAsync(client, answer.Headers.Location!, "did not match a sign-in started in this browser");
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/console")).StatusCode);
        }
    }

    [Fact]
    public async Task Callback_IssuerDownBeforeCodeRedeemed_ClearErrorPage()
    {
        await using var setup = await OidcSetup.StartAsync();
        using var browser = setup.Browser();
        var callback = await setup.AuthorizeAsync(browser, (await browser.GetAsync("/console/sign-in/oidc")).Headers.Location!, "dana");
        await setup.Issuer.StopAsync();

        var answer = await browser.GetAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/console/sign-in?problem=issuer-unreachable", answer.Headers.Location!.OriginalString);
        await AssertProblemPageAsync(browser, answer.Headers.Location!, $"could not reach {DisplayName}");
        // The operator gets the cause the page leaves out.
        Assert.Contains(setup.Logs.Lines, l => l.EventId == 2603 && l.Message.Contains("issuer-unreachable", StringComparison.Ordinal) && l.Exception is not null);
    }

    [Fact]
    public async Task Start_IssuerDown_ClearErrorPageInsteadOfChallenge()
    {
        await using var setup = await OidcSetup.StartAsync();
        using var browser = setup.Browser();
        await setup.Issuer.StopAsync();

        var answer = await browser.GetAsync("/console/sign-in/oidc");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/console/sign-in?problem=issuer-unreachable", answer.Headers.Location!.OriginalString);
        await AssertProblemPageAsync(browser, answer.Headers.Location!, $"{DisplayName} did not answer");
    }

    [Fact]
    public async Task Callback_IssuerAnswersAccessDenied_RefusedPage()
    {
        await using var setup = await OidcSetup.StartAsync();
        using var browser = setup.Browser();

        var callback = await setup.AuthorizeAsync(browser, (await browser.GetAsync("/console/sign-in/oidc")).Headers.Location!, "dana", deny: true);
        var answer = await browser.GetAsync(callback);

        Assert.Equal("access_denied", QueryHelpers.ParseQuery(callback.Query)["error"]);
        Assert.Equal("/console/sign-in?problem=issuer-refused", answer.Headers.Location!.OriginalString);
        await AssertProblemPageAsync(browser, answer.Headers.Location!, $"{DisplayName} did not sign you in");
    }

    [Fact]
    public async Task Cookies_OverHttps_AreSecureLaxAndHttpOnly()
    {
        await using var setup = await OidcSetup.StartAsync();
        var https = new DefaultHttpContext();
        https.Request.IsHttps = true;
        var session = setup.Server.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(ConsoleAuthentication.SchemeName).Cookie;
        var oidc = setup.Server.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(ConsoleOidc.SchemeName);

        foreach (var cookie in new[] { session, oidc.CorrelationCookie, oidc.NonceCookie })
        {
            var built = cookie.Build(https);
            var plain = cookie.Build(new DefaultHttpContext());

            Assert.True(built.Secure, cookie.Name);
            Assert.False(plain.Secure, cookie.Name);
            Assert.True(built.HttpOnly, cookie.Name);
            Assert.Equal(SameSiteMode.Lax, built.SameSite);
        }
    }

    [Theory]
    [InlineData(null, "openid profile", "Previews:Auth:Jwt:Authority is not")]
    [InlineData("set", "profile", "must include 'openid'")]
    public async Task Startup_ConsoleOidcWithoutIssuerOrOpenidScope_FailsWithWhatToFix(string? authority, string scopes, string message)
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var settings = new Dictionary<string, string?>
        {
            ["Previews:Auth:ConsoleOidc:ClientId"] = "console",
            ["Previews:Auth:Jwt:Authority"] = authority is null ? null : "http://127.0.0.1:9/",
            ["Previews:Auth:Jwt:Audience"] = "securecart-previews",
        };
        foreach (var (scope, i) in scopes.Split(' ').Select((s, i) => (s, i)))
        {
            settings[$"Previews:Auth:ConsoleOidc:Scopes:{i}"] = scope;
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => PreviewsServer.StartReplicaAsync(database, null, new ControllableEngine(), settings));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    private static async Task AssertProblemPageAsync(HttpClient browser, Uri page, string expected)
    {
        var answer = await browser.GetAsync(page);
        var text = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("id=\"sign-in-oidc\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
