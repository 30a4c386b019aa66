using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Api;
using SecureCart.Previews.Notices;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Notices;

/// <summary>
/// Notices against a real webhook receiver (Kestrel) and a real SMTP server (loopback), on the fake clock; each round
/// is run by calling the dispatcher, as its background job would.
/// </summary>
public sealed class NoticeTests
{
    private const string WebhookSecret = "webhook-secret-0123456789abcdef0123456789";
    private const string LinkKey = "extend-link-key-0123456789abcdef0123456789";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LeadTimes_EachSentOnceByWebhookAndMail_SignedAndCarryingTheExtendLink(string provider)
    {
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var smtp = new SmtpSink();
        await using var server = await PreviewsServer.StartAsync(provider, settings: Settings(hooks, smtp));
        var client = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "noticed", ttlHours: 48);
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Ready");
        var dispatcher = server.Services.GetRequiredService<NoticeDispatcher>();

        Assert.Equal((0, 0), await dispatcher.RunOnceAsync(CancellationToken.None));
        foreach (var remaining in new[] { TimeSpan.FromHours(23.9), TimeSpan.FromHours(1.9), TimeSpan.FromMinutes(29) })
        {
            server.Time.SetUtcNow(created.Environment.ExpiresAt - remaining);
            Assert.Equal((2, 2), await dispatcher.RunOnceAsync(CancellationToken.None));
            Assert.Equal((0, 0), await dispatcher.RunOnceAsync(CancellationToken.None));
        }

        Assert.Equal(3, hooks.Requests.Count);
        var bodies = hooks.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal([1440, 120, 30], bodies.Select(b => b.GetProperty("leadMinutes").GetInt32()));
        Assert.All(hooks.Requests, r => Assert.True(WebhookSignature.Verify(WebhookSecret, r.Signature, r.Body, out _), $"bad signature {r.Signature}"));
        Assert.All(hooks.Requests, r => Assert.False(WebhookSignature.Verify("another-secret-0123456789abcdef0123456789", r.Signature, r.Body, out _)));
        Assert.Equal(3, hooks.Requests.Select(r => r.NoticeId).Distinct().Count());
        Assert.All(bodies, b => Assert.Equal(created.Environment.Id, b.GetProperty("environmentId").GetGuid()));
        Assert.All(bodies, b => Assert.StartsWith("https://previews.example.test/v1/notices/extend?token=", b.GetProperty("extendUrl").GetString(), StringComparison.Ordinal));

        Assert.Equal(3, smtp.Messages.Count);
        Assert.Equal(["Preview alpha/noticed expires in 24 h", "Preview alpha/noticed expires in 2 h", "Preview alpha/noticed expires in 30 min"], smtp.Messages.Select(m => m.Subject));
        Assert.All(smtp.Messages, m => Assert.Equal("dev@alpha.test", m.To.Mailboxes.Single().Address));
        Assert.All(smtp.Messages, m => Assert.Contains("/v1/notices/extend?token=", m.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeadTimes_AlreadyPassedAtCreate_NotSent()
    {
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var smtp = new SmtpSink();
        await using var server = await PreviewsServer.StartAsync("Sqlite", settings: Settings(hooks, smtp));
        var client = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "short", ttlHours: 1);
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Ready");
        var dispatcher = server.Services.GetRequiredService<NoticeDispatcher>();

        Assert.Equal((0, 0), await dispatcher.RunOnceAsync(CancellationToken.None));
        server.Time.SetUtcNow(created.Environment.ExpiresAt - TimeSpan.FromMinutes(20));
        await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal([30], hooks.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("leadMinutes").GetInt32()));
    }

    [Fact]
    public async Task Webhook_Failing_RetriedWithExponentialBackoffThenDelivered()
    {
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.FailFirst = 2;
        await using var server = await PreviewsServer.StartAsync("Sqlite", settings: Settings(hooks, smtp: null));
        var client = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "flaky", ttlHours: 48);
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Ready");
        var dispatcher = server.Services.GetRequiredService<NoticeDispatcher>();
        server.Time.SetUtcNow(created.Environment.ExpiresAt - TimeSpan.FromHours(23));

        // 503, then a retry 30 s later (503 again), then 60 s after that: delivered.
        var counts = new List<int>();
        foreach (var step in new[] { 0, 29, 1, 59, 1, 600 })
        {
            server.Time.Advance(TimeSpan.FromSeconds(step));
            await dispatcher.RunOnceAsync(CancellationToken.None);
            counts.Add(hooks.Requests.Count);
        }

        Assert.Equal([1, 1, 2, 2, 3, 3], counts);
        Assert.Equal([503, 503, 200], hooks.Requests.Select(r => r.Status));
        Assert.Single(hooks.Requests.Select(r => r.NoticeId).Distinct());
        await using var db = await server.DbAsync();
        var notice = await db.ExpiryNotices.AsNoTracking().SingleAsync();
        Assert.Equal(NoticeDispatcher.Delivered, notice.Status);
        Assert.Equal(3, notice.Attempts);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ExtendLink_ExtendsOnce_ReusedForgedAndExpiredRefused(string provider)
    {
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var server = await PreviewsServer.StartAsync(provider, settings: Settings(hooks, smtp: null));
        var client = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "extendme", ttlHours: 48);
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Ready");
        server.Time.SetUtcNow(created.Environment.ExpiresAt - TimeSpan.FromHours(2));
        await server.Services.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);
        var link = new Uri(JsonDocument.Parse(Assert.Single(hooks.Requests).Body).RootElement.GetProperty("extendUrl").GetString()!);
        var token = link.Query["?token=".Length..];
        var anonymous = server.Anonymous();

        var page = await anonymous.GetAsync($"/v1/notices/extend?token={token}");
        var unchanged = await client.GetFromJsonAsync<EnvironmentView>($"/v1/environments/{created.Environment.Id}", PreviewsServer.Json);
        var first = await PostAsync(anonymous, token);
        var reused = await PostAsync(anonymous, token);
        var forged = await PostAsync(anonymous, token[..^2] + (token[^2] == 'A' ? "BA" : "AA"));
        var otherKey = await PostAsync(anonymous, new ExtendLinks(Microsoft.Extensions.Options.Options.Create(new SecureCart.Previews.Options.NoticeOptions { LinkKey = "a-different-key-0123456789abcdef012345678" }), server.Time).Create(created.Environment.Id, created.Environment.ExpiresAt));
        var garbage = await PostAsync(anonymous, "not-a-token");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(created.Environment.ExpiresAt, unchanged!.ExpiresAt);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var extended = await first.Content.ReadFromJsonAsync<ExtendedView>(PreviewsServer.Json);
        Assert.Equal(created.Environment.ExpiresAt.AddHours(24), extended!.ExpiresAt);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Contains("already used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        var now = await client.GetFromJsonAsync<EnvironmentView>($"/v1/environments/{created.Environment.Id}", PreviewsServer.Json);
        Assert.Equal(created.Environment.ExpiresAt.AddHours(24), now!.ExpiresAt);

        // A genuine link for the new expiry, followed after that expiry: gone.
        var later = server.Services.GetRequiredService<ExtendLinks>().Create(created.Environment.Id, now.ExpiresAt);
        server.Time.SetUtcNow(now.ExpiresAt + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Gone, (await PostAsync(anonymous, later)).StatusCode);
        await using var db = await server.DbAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "environment.extend" && a.Actor == "extend-link" && a.Outcome.StartsWith("accepted")));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Destroyed_BeforeOrAfterScheduling_NoNoticeSent(string provider)
    {
        await using var hooks = await WebhookReceiver.StartAsync();
        await using var smtp = new SmtpSink();
        await using var server = await PreviewsServer.StartAsync(provider, settings: Settings(hooks, smtp));
        var client = await server.ClientForAsync("alpha");
        var gone = await PreviewsServer.CreateAsync(client, "gone", ttlHours: 48);
        var late = await PreviewsServer.CreateAsync(client, "late", ttlHours: 48);
        await PreviewsServer.WaitForStatusAsync(client, gone.Environment.Id, "Ready");
        await PreviewsServer.WaitForStatusAsync(client, late.Environment.Id, "Ready");
        var dispatcher = server.Services.GetRequiredService<NoticeDispatcher>();

        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync($"/v1/environments/{gone.Environment.Id}")).StatusCode);
        await PreviewsServer.WaitForStatusAsync(client, gone.Environment.Id, "Destroyed");
        server.Time.SetUtcNow(late.Environment.ExpiresAt - TimeSpan.FromHours(23));
        Assert.Equal(2, await dispatcher.ScheduleAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync($"/v1/environments/{late.Environment.Id}")).StatusCode);
        await PreviewsServer.WaitForStatusAsync(client, late.Environment.Id, "Destroyed");
        Assert.Equal(0, await dispatcher.DeliverDueAsync(CancellationToken.None));

        Assert.Empty(hooks.Requests);
        Assert.Empty(smtp.Messages);
        await using var db = await server.DbAsync();
        Assert.All(await db.ExpiryNotices.AsNoTracking().ToListAsync(), n => Assert.Equal(NoticeDispatcher.Skipped, n.Status));
    }

    [Fact]
    public async Task TwoReplicasRacing_EachNoticeSentOnce()
    {
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Delay = TimeSpan.FromMilliseconds(200);
        await using var smtp = new SmtpSink();
        await using var first = await PreviewsServer.StartAsync("Postgres", settings: Settings(hooks, smtp));
        await using var second = await PreviewsServer.StartReplicaAsync(first.Database, first.Time, new(Settings(hooks, smtp)) { ["Previews:Worker:WorkerId"] = "second" });
        var client = await first.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "raced", ttlHours: 48);
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Ready");
        first.Time.SetUtcNow(created.Environment.ExpiresAt - TimeSpan.FromHours(23));
        var dispatchers = new[] { first, second, first, second, first, second }.Select(s => s.Services.GetRequiredService<NoticeDispatcher>()).ToList();

        await Task.WhenAll(dispatchers.Select(d => d.RunOnceAsync(CancellationToken.None)));
        await Task.WhenAll(dispatchers.Select(d => d.RunOnceAsync(CancellationToken.None)));

        Assert.Single(hooks.Requests);
        Assert.Single(smtp.Messages);
        await using var db = await first.DbAsync();
        Assert.Equal(2, await db.ExpiryNotices.CountAsync(n => n.Status == NoticeDispatcher.Delivered));
    }

    [Fact]
    public async Task EnvironmentWebhook_ReplacesTheTeams_OnlyForItsTeamAndOnlyAValidUrl()
    {
        await using var teamHook = await WebhookReceiver.StartAsync();
        await using var ownHook = await WebhookReceiver.StartAsync();
        await using var server = await PreviewsServer.StartAsync("Sqlite", settings: new(Settings(teamHook, smtp: null)) { ["Previews:Notices:AllowHttpWebhooks"] = "true" });
        var client = await server.ClientForAsync("alpha");
        var stranger = await server.ClientForAsync("beta");
        var own = await PreviewsServer.CreateAsync(client, "ownhook", ttlHours: 48);
        var plain = await PreviewsServer.CreateAsync(client, "teamhook", ttlHours: 48);
        await PreviewsServer.WaitForStatusAsync(client, own.Environment.Id, "Ready");
        await PreviewsServer.WaitForStatusAsync(client, plain.Environment.Id, "Ready");
        var path = $"/v1/environments/{own.Environment.Id}/notice-webhook";

        var set = await client.PutAsJsonAsync(path, new { url = ownHook.Url.ToString() });
        var ftp = await client.PutAsJsonAsync(path, new { url = "ftp://hooks.example.test/x" });
        var foreign = await stranger.PutAsJsonAsync(path, new { url = "https://attacker.example.test/" });
        server.Time.SetUtcNow(own.Environment.ExpiresAt - TimeSpan.FromHours(23));
        await server.Services.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ftp.StatusCode);
        Assert.Contains("\"url\"", await ftp.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var mine = Assert.Single(ownHook.Requests);
        Assert.Equal(own.Environment.Id, JsonDocument.Parse(mine.Body).RootElement.GetProperty("environmentId").GetGuid());
        Assert.True(WebhookSignature.Verify(WebhookSecret, mine.Signature, mine.Body, out _));
        Assert.Equal(plain.Environment.Id, JsonDocument.Parse(Assert.Single(teamHook.Requests).Body).RootElement.GetProperty("environmentId").GetGuid());
    }

    [Fact]
    public async Task Options_EnabledWithoutKeyOrBaseUrl_StartUpRefusedNamingTheSettings()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => PreviewsServer.StartAsync("Sqlite", settings: new()
        {
            ["Previews:Notices:Enabled"] = "true",
            ["Previews:Notices:LinkKey"] = "short",
            ["Previews:Notices:Teams:alpha:WebhookUrl"] = "ftp://nope",
        }));

        Assert.Contains("Previews:Notices:LinkKey", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Previews:Notices:PublicBaseUrl", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Previews:Notices:Teams:alpha:WebhookUrl", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Previews:Notices:WebhookSecret", failure.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string token) =>
        client.PostAsync("/v1/notices/extend", new FormUrlEncodedContent([new("token", token)]));

    private static Dictionary<string, string?> Settings(WebhookReceiver hooks, SmtpSink? smtp)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Previews:Notices:Enabled"] = "true",
            // The background job stays out of the way: each test runs the rounds itself.
            ["Previews:Notices:IntervalSeconds"] = "3600",
            ["Previews:Notices:PublicBaseUrl"] = "https://previews.example.test",
            ["Previews:Notices:LinkKey"] = LinkKey,
            ["Previews:Notices:WebhookSecret"] = WebhookSecret,
            ["Previews:Notices:FirstRetrySeconds"] = "30",
            ["Previews:Notices:Teams:alpha:WebhookUrl"] = hooks.Url.ToString(),
            ["Previews:Lifetime:MaxHours"] = "168",
        };
        if (smtp is not null)
        {
            settings["Previews:Notices:Teams:alpha:Email"] = "dev@alpha.test";
            settings["Previews:Notices:Smtp:Host"] = "127.0.0.1";
            settings["Previews:Notices:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Previews:Notices:Smtp:Security"] = "None";
            settings["Previews:Notices:Smtp:From"] = "previews@example.test";
        }

        return settings;
    }
}
