using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Environments;
using SecureCart.Previews.Planning;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.DeveloperConsole;

/// <summary>
/// A developer's whole session in real headless Chromium against the real server on PostgreSQL: sign in, a create
/// refused by the field, a create watched live to ready, extend, destroy; no console errors; readable on a desktop
/// and on a phone.
/// </summary>
public sealed class ConsoleChromiumTests
{
    /// <summary>Set to a path (e.g. docs/previews-console.png) to keep the screenshot the README shows.</summary>
    private const string ScreenshotVariable = "SECURECART_CONSOLE_SCREENSHOT";

    [Fact]
    public async Task Console_SignInCreateWatchExtendDestroy_WorksInChromiumWithoutErrors()
    {
        var engine = new PacedEngine();
        await using var server = await PreviewsServer.StartAsync("Postgres", engine);
        var key = await AddKeyAsync(server, "payments");
        await using var browser = await ChromiumSession.StartAsync();
        await browser.SetViewportAsync(1280, 900, mobile: false);

        await browser.NavigateAsync(new Uri(server.Address, "/console"));
        await browser.WaitForAsync("location.pathname === '/console/sign-in' && !!document.getElementById('key')");

        await Fill(browser, "key", "scp_not-a-key");
        await Submit(browser, "sign-in");
        await browser.WaitForAsync("!!document.getElementById('key-error')");
        Assert.Contains("unknown or revoked", await Text(browser, "key-error"));
        Assert.Equal("true", (string?)await browser.EvaluateAsync("document.getElementById('key').getAttribute('aria-invalid')"));

        await Fill(browser, "key", key);
        await Submit(browser, "sign-in");
        await browser.WaitForAsync("location.pathname === '/console' && !!document.getElementById('empty')");
        Assert.Equal("payments", await Text(browser, "team"));
        var cookie = (await browser.SendAsync("Network.getCookies"))["cookies"]!.AsArray().Single(c => (string?)c!["name"] == "securecart-console")!;
        Assert.True((bool)cookie["httpOnly"]!);
        Assert.Equal("Lax", (string?)cookie["sameSite"]);

        await Fill(browser, "name", "Bad_Name");
        await Fill(browser, "gitRef", "feature/console");
        await Submit(browser, "create");
        await browser.WaitForAsync("!!document.getElementById('name-error')");
        var expected = CreateEnvironmentValidator.Validate(
            new CreateEnvironment(null, "Bad_Name", "feature/console", null, "small", null), server.Services.GetRequiredService<IPreviewPlanner>().Sizes, 168)["name"];
        Assert.Equal(string.Join(" ", expected), await Text(browser, "name-error"));
        Assert.Equal("true", (string?)await browser.EvaluateAsync("document.getElementById('name').getAttribute('aria-invalid')"));
        Assert.Null(await browser.EvaluateAsync("document.getElementById('gitRef-error')"));
        Assert.Equal("feature/console", (string?)await browser.EvaluateAsync("document.getElementById('gitRef').value"));
        await using (var db = await server.DbAsync())
        {
            Assert.Equal(0, await db.Environments.CountAsync(TestContext.Current.CancellationToken));
        }

        await Fill(browser, "name", "checkout-v2");
        await Submit(browser, "create");
        await browser.WaitForAsync("location.pathname.startsWith('/console/environments/') && document.getElementById('progress')?.dataset.live === 'true'");
        Assert.Equal("Provisioning", await Text(browser, "status"));
        await browser.WaitForAsync("document.getElementById('events').innerText.includes('up preview-payments-checkout-v2')");
        await browser.EvaluateAsync("window.sameDocument = true");

        engine.ReleaseProgress();
        await browser.WaitForAsync("document.getElementById('events').innerText.includes('created service storefront') && window.sameDocument === true");
        engine.ReleaseFinish();
        await browser.WaitForAsync("document.getElementById('status')?.textContent === 'Ready'");
        Assert.Equal("https://checkout-v2.preview.test", await Text(browser, "url"));
        var id = Guid.Parse(((string?)await browser.EvaluateAsync("location.pathname.split('/').pop()"))!);

        await Fill(browser, "hours", "lots");
        await Submit(browser, "extend");
        await browser.WaitForAsync("!!document.getElementById('hours-error')");
        var before = await ExpiresAtAsync(server, id);
        await Fill(browser, "hours", "5");
        await Submit(browser, "extend");
        await browser.WaitForAsync("!document.getElementById('hours-error')");
        Assert.Equal(before.AddHours(5), await ExpiresAtAsync(server, id));
        Assert.Contains(FormatWhen(before.AddHours(5)), await Text(browser, "expires"));

        foreach (var page in new[] { "/console", $"/console/environments/{id}" })
        {
            await browser.NavigateAsync(new Uri(server.Address, page));
            await AssertReadableAsync(browser, page);
        }

        server.Time.Advance(TimeSpan.FromHours(2));
        await browser.SetViewportAsync(1280, 900, mobile: false);
        await browser.NavigateAsync(new Uri(server.Address, "/console"));
        Assert.Contains("checkout-v2", await Text(browser, "environments"));
        Assert.Contains("Ready", await Text(browser, "environments"));
        decimal perHour;
        await using (var db = await server.DbAsync())
        {
            perHour = (await db.Environments.AsNoTracking().SingleAsync(e => e.Id == id, TestContext.Current.CancellationToken)).CostPerHour;
        }

        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"${decimal.Round(perHour * 2, 4):0.00##}"), await Text(browser, "environments"));
        await KeepScreenshotAsync(browser);

        await browser.NavigateAsync(new Uri(server.Address, $"/console/environments/{id}"));
        await Submit(browser, "destroy");
        await browser.WaitForAsync("document.getElementById('status')?.textContent === 'Destroyed'");
        Assert.Contains($"destroyed preview-payments-checkout-v2", await Text(browser, "events"));
        await browser.NavigateAsync(new Uri(server.Address, "/console"));
        await browser.WaitForAsync("!!document.getElementById('empty')");

        await Submit(browser, "sign-out");
        await browser.WaitForAsync("location.pathname === '/console/sign-in'");
        await browser.NavigateAsync(new Uri(server.Address, "/console"));
        await browser.WaitForAsync("location.pathname === '/console/sign-in' && !!document.getElementById('key')");

        Assert.Empty(browser.Errors);
    }

    private static async Task AssertReadableAsync(ChromiumSession browser, string page)
    {
        foreach (var (width, mobile) in new[] { (1280, false), (390, true) })
        {
            await browser.SetViewportAsync(width, 844, mobile);
            await browser.EvaluateAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            var sizes = (await browser.EvaluateAsync("({ scroll: document.scrollingElement.scrollWidth, inner: innerWidth })"))!;
            Assert.True((int)sizes["scroll"]! <= (int)sizes["inner"]!, $"{page} at {width} px scrolls sideways: {sizes.ToJsonString()}");
            var fontPx = (string?)await browser.EvaluateAsync("getComputedStyle(document.body).fontSize");
            Assert.Equal("16px", fontPx);
        }
    }

    private static async Task KeepScreenshotAsync(ChromiumSession browser)
    {
        var png = await browser.ScreenshotAsync();
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        if (Environment.GetEnvironmentVariable(ScreenshotVariable) is { Length: > 0 } path)
        {
            await File.WriteAllBytesAsync(path, png);
        }
    }

    private static string FormatWhen(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<DateTimeOffset> ExpiresAtAsync(PreviewsServer server, Guid id)
    {
        await using var db = await server.DbAsync();
        return (await db.Environments.AsNoTracking().SingleAsync(e => e.Id == id)).ExpiresAt;
    }

    private static async Task<string> AddKeyAsync(PreviewsServer server, string team)
    {
        var key = ApiKeys.NewKey();
        await using var db = await server.DbAsync();
        await server.Services.GetRequiredService<ApiKeys>().AddAsync(db, team, "console-user", isAdmin: false, key, CancellationToken.None);
        return key;
    }

    private static async Task Fill(ChromiumSession browser, string id, string value) =>
        await browser.EvaluateAsync($"(() => {{ const input = document.getElementById({JsonSerializer.Serialize(id)}); input.value = {JsonSerializer.Serialize(value)}; return true; }})()");

    /// <summary>Clicks the button, then waits until the old document is gone (the answer is a new page).</summary>
    private static async Task Submit(ChromiumSession browser, string buttonId)
    {
        await browser.EvaluateAsync("window.beforeSubmit = true");
        await browser.EvaluateAsync($"document.getElementById({JsonSerializer.Serialize(buttonId)}).click(), true");
        await browser.WaitForAsync("window.beforeSubmit !== true && document.readyState === 'complete'");
    }

    private static async Task<string> Text(ChromiumSession browser, string id) =>
        (string?)await browser.EvaluateAsync($"document.getElementById({JsonSerializer.Serialize(id)})?.textContent?.trim() ?? ''") ?? "";
}
