using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.DeveloperConsole;

/// <summary>The console's session over plain HTTP: what the cookie may and may not do, antiforgery, revocation.</summary>
public sealed partial class ConsoleSessionTests
{
    [Fact]
    public async Task SignIn_WithKey_SetsLaxHttpOnlyCookieAndRedirectsOnlyInsideConsole()
    {
        await using var server = await PreviewsServer.StartAsync("Sqlite");
        var (key, _) = await AddKeyAsync(server, "payments");
        using var browser = Browser(server);

        var response = await SignInAsync(browser, key, returnUrl: "https://attacker.example/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(server.Address, "/console"), new Uri(server.Address, response.Headers.Location!));
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("securecart-console=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key, setCookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/console", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Console_WithoutSession_RedirectsToSignIn()
    {
        await using var server = await PreviewsServer.StartAsync("Sqlite");
        using var browser = Browser(server);

        var response = await browser.Client.GetAsync("/console", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookie_ReadsEventStreamButNeverWritesToApi()
    {
        await using var server = await PreviewsServer.StartAsync("Sqlite");
        var (key, _) = await AddKeyAsync(server, "payments");
        var api = await server.ClientForAsync("payments");
        var created = await PreviewsServer.CreateAsync(api, "streamed");
        using var browser = Browser(server);
        await SignInAsync(browser, key);

        var stream = await browser.Client.GetAsync($"/v1/operations/{created.Operation.Id}/events", TestContext.Current.CancellationToken);
        var write = await browser.Client.PostAsync("/v1/environments", new StringContent("""{"name":"riding","gitRef":"main","size":"small"}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Contains("event: end", await stream.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }

    [Fact]
    public async Task ConsoleForm_WithoutAntiforgeryToken_IsRefused()
    {
        await using var server = await PreviewsServer.StartAsync("Sqlite");
        var (key, _) = await AddKeyAsync(server, "payments");
        using var browser = Browser(server);
        await SignInAsync(browser, key);

        var forged = await browser.Client.PostAsync("/console", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "create",
            ["Form.Name"] = "forged",
            ["Form.GitRef"] = "main",
            ["Form.Size"] = "small",
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await using var db = await server.DbAsync();
        Assert.Empty(db.Environments);
    }

    [Fact]
    public async Task RevokedKey_EndsConsoleSession()
    {
        await using var server = await PreviewsServer.StartAsync("Sqlite");
        var (key, id) = await AddKeyAsync(server, "payments");
        using var browser = Browser(server);
        await SignInAsync(browser, key);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/console", TestContext.Current.CancellationToken)).StatusCode);

        await using (var db = await server.DbAsync())
        {
            await server.Services.GetRequiredService<ApiKeys>().RevokeAsync(db, id, CancellationToken.None);
        }

        var after = await browser.Client.GetAsync("/console", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/console/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static CookieBrowser Browser(PreviewsServer server)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        return new CookieBrowser(new HttpClient(handler) { BaseAddress = server.Address }, handler);
    }

    private static async Task<HttpResponseMessage> SignInAsync(CookieBrowser browser, string key, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/console/sign-in" : $"/console/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var page = await browser.Client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);
        return await browser.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Form.Key"] = key,
        }));
    }

    private static async Task<(string Key, Guid Id)> AddKeyAsync(PreviewsServer server, string team)
    {
        var key = ApiKeys.NewKey();
        await using var db = await server.DbAsync();
        var record = await server.Services.GetRequiredService<ApiKeys>().AddAsync(db, team, "console-user", isAdmin: false, key, CancellationToken.None);
        return (key, record.Id);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed record CookieBrowser(HttpClient Client, HttpClientHandler Handler) : IDisposable
    {
        public void Dispose()
        {
            Client.Dispose();
            Handler.Dispose();
        }
    }
}
