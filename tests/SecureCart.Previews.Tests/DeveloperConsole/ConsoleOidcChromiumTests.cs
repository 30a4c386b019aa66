using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.DeveloperConsole;

/// <summary>
/// Signing in to the console through a real OpenID Connect issuer in real headless Chromium, on PostgreSQL: the
/// issuer's login page, back to the team's environments, a create, sign-out; and a person whose token names no team.
/// </summary>
public sealed class ConsoleOidcChromiumTests
{
    [Fact]
    public async Task Console_SignInThroughIssuerSeeTeamCreateSignOut_WorksWithoutErrors()
    {
        await using var setup = await OidcSetup.StartAsync(provider: "Postgres");
        var alpha = await PreviewsServer.CreateAsync(await setup.Server.ClientForAsync("alpha"), "alpha-existing");
        await PreviewsServer.CreateAsync(await setup.Server.ClientForAsync("beta"), "beta-only");
        await using var browser = await ChromiumSession.StartAsync();

        await browser.NavigateAsync(new Uri(setup.Server.Address, "/console"));
        await browser.WaitForAsync("location.pathname === '/console/sign-in' && !!document.getElementById('sign-in-oidc')");
        Assert.Equal($"Sign in with {OidcSetup.DisplayName}", await Text(browser, "sign-in-oidc"));
        Assert.NotNull(await browser.EvaluateAsync("document.getElementById('key')"));
        await Click(browser, "sign-in-oidc");
        await browser.WaitForAsync($"location.origin === {JsonSerializer.Serialize(setup.Issuer.Authority)} && !!document.getElementById('login_user')");
        await Fill(browser, "login_user", "dana");
        await Click(browser, "issuer-sign-in");
        await browser.WaitForAsync("location.pathname === '/console' && !!document.getElementById('team')");

        Assert.Equal("alpha", await Text(browser, "team"));
        Assert.Contains("alpha-existing", await Text(browser, "environments"));
        Assert.DoesNotContain("beta-only", await Text(browser, "environments"));
        var cookie = (await browser.SendAsync("Network.getCookies"))["cookies"]!.AsArray().Single(c => (string?)c!["name"] == "securecart-console")!;
        Assert.True((bool)cookie["httpOnly"]!);
        Assert.Equal("Lax", (string?)cookie["sameSite"]);

        await Fill(browser, "name", "from-sso");
        await Fill(browser, "gitRef", "feature/sso");
        await Click(browser, "create");
        await browser.WaitForAsync("location.pathname.startsWith('/console/environments/') && document.getElementById('status')?.textContent === 'Ready'");
        await using (var db = await setup.Server.DbAsync())
        {
            var created = await db.Environments.AsNoTracking().SingleAsync(e => e.Name == "from-sso", TestContext.Current.CancellationToken);
            Assert.Equal("alpha", created.Team);
            Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.Action == "environment.create").Select(a => a.Actor).ToListAsync(TestContext.Current.CancellationToken), a => a == "oidc:dana");
        }

        await browser.NavigateAsync(new Uri(setup.Server.Address, "/console"));
        Assert.Contains("from-sso", await Text(browser, "environments"));
        Assert.Contains(alpha.Environment.Name, await Text(browser, "environments"));
        await Click(browser, "sign-out");
        await browser.WaitForAsync("location.pathname === '/console/sign-in'");
        await browser.NavigateAsync(new Uri(setup.Server.Address, "/console"));
        await browser.WaitForAsync("location.pathname === '/console/sign-in' && !!document.getElementById('sign-in-oidc')");

        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Console_IssuerUserWithoutTeamClaim_SeesWhatIsMissing()
    {
        await using var setup = await OidcSetup.StartAsync(provider: "Postgres");
        await using var browser = await ChromiumSession.StartAsync();

        await browser.NavigateAsync(new Uri(setup.Server.Address, "/console/sign-in"));
        await Click(browser, "sign-in-oidc");
        await browser.WaitForAsync("!!document.getElementById('login_user')");
        await Fill(browser, "login_user", "no-team");
        await Click(browser, "issuer-sign-in");
        await browser.WaitForAsync("location.pathname === '/console/sign-in' && !!document.getElementById('problem')");

        Assert.Contains("has no 'team' claim", await Text(browser, "problem"));
        Assert.Equal("no-team", (string?)await browser.EvaluateAsync("document.getElementById('problem').dataset.code"));
        Assert.Null(await browser.EvaluateAsync("document.getElementById('team')"));
        Assert.DoesNotContain((await browser.SendAsync("Network.getCookies"))["cookies"]!.AsArray(), c => (string?)c!["name"] == "securecart-console");
        foreach (var (width, mobile) in new[] { (1280, false), (390, true) })
        {
            await browser.SetViewportAsync(width, 844, mobile);
            await browser.EvaluateAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            var sizes = (await browser.EvaluateAsync("({ scroll: document.scrollingElement.scrollWidth, inner: innerWidth })"))!;
            Assert.True((int)sizes["scroll"]! <= (int)sizes["inner"]!, $"the sign-in page with the explanation scrolls sideways at {width} px: {sizes.ToJsonString()}");
        }

        Assert.Empty(browser.Errors);
    }

    private static async Task Fill(ChromiumSession browser, string id, string value) =>
        await browser.EvaluateAsync($"(() => {{ document.getElementById({JsonSerializer.Serialize(id)}).value = {JsonSerializer.Serialize(value)}; return true; }})()");

    /// <summary>Clicks a link or button, then waits until the old document is gone (the answer is a new page).</summary>
    private static async Task Click(ChromiumSession browser, string id)
    {
        await browser.EvaluateAsync("window.beforeClick = true");
        await browser.EvaluateAsync($"document.getElementById({JsonSerializer.Serialize(id)}).click(), true");
        await browser.WaitForAsync("window.beforeClick !== true && document.readyState === 'complete'");
    }

    private static async Task<string> Text(ChromiumSession browser, string id) =>
        (string?)await browser.EvaluateAsync($"document.getElementById({JsonSerializer.Serialize(id)})?.textContent?.trim() ?? ''") ?? "";
}
