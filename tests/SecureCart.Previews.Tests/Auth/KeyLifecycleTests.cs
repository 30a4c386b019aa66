using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Api;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Auth;

public sealed class KeyLifecycleTests
{
    private const string DevelopmentKey = "scp_0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task DevelopmentKey_NotConfigured_NoKeyOnAnyStart()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres");
        var logs = new CapturedLogs();

        for (var start = 0; start < 3; start++)
        {
            await using var server = await PreviewsServer.StartReplicaAsync(database, null, new ControllableEngine(), logs: logs);
        }

        await using var db = Db(database);
        Assert.Equal(0, await db.ApiKeys.CountAsync());
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("scp_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DevelopmentKey_Configured_OneKeyAcrossRestartsAndNeverLogged()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres");
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string?> { ["Previews:Auth:DevelopmentKey"] = DevelopmentKey };

        for (var start = 0; start < 3; start++)
        {
            await using var server = await PreviewsServer.StartReplicaAsync(database, null, new ControllableEngine(), settings, logs);
            var client = server.Anonymous();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentKey);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/audit/verify")).StatusCode);
        }

        await using var db = Db(database);
        Assert.Equal(1, await db.ApiKeys.CountAsync());
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains(DevelopmentKey[..12], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoke_ByAdmin_ListedAndRefusedOnEveryReplica()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres");
        var settings = new Dictionary<string, string?> { ["Previews:Auth:KeyCacheSeconds"] = "2" };
        await using var first = await PreviewsServer.StartReplicaAsync(database, null, new ControllableEngine(), settings);
        await using var second = await PreviewsServer.StartReplicaAsync(database, null, new ControllableEngine(), settings);
        var admin = await first.ClientForAsync("platform", admin: true);
        var issued = await (await admin.PostAsJsonAsync("/v1/api-keys", new { team = "alpha", name = "ci-checkout" })).Content.ReadFromJsonAsync<ApiKeyCreatedView>(PreviewsServer.Json);
        var onFirst = WithKey(first, issued!.Key);
        var onSecond = WithKey(second, issued.Key);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/v1/environments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/v1/environments")).StatusCode);

        var listed = await admin.GetFromJsonAsync<List<ApiKeyView>>("/v1/api-keys?team=alpha", PreviewsServer.Json);
        var revoke = await admin.DeleteAsync($"/v1/api-keys/{issued.Id}");
        var firstAtOnce = await onFirst.GetAsync("/v1/environments");
        var secondEventually = await PollUntilUnauthorizedAsync(onSecond);
        var afterwards = await admin.GetFromJsonAsync<List<ApiKeyView>>("/v1/api-keys?team=alpha&includeRevoked=true", PreviewsServer.Json);
        var active = await admin.GetFromJsonAsync<List<ApiKeyView>>("/v1/api-keys?team=alpha", PreviewsServer.Json);
        var missing = await admin.DeleteAsync($"/v1/api-keys/{Guid.NewGuid()}");
        var member = await onFirst.DeleteAsync($"/v1/api-keys/{issued.Id}");

        var key = Assert.Single(listed!);
        Assert.Equal("ci-checkout", key.Name);
        Assert.Equal(issued.Key[..12], key.Prefix);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, firstAtOnce.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, secondEventually);
        Assert.NotNull(Assert.Single(afterwards!).RevokedAt);
        Assert.Empty(active!);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, member.StatusCode);
        await using var db = Db(database);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "apikey.revoke" && a.Team == "alpha"));
    }

    [Theory]
    [InlineData("Previews:Worker:Concurrency", "0")]
    [InlineData("Previews:Worker:LeaseSeconds", "1")]
    [InlineData("Previews:Lifetime:MaxHours", "0")]
    [InlineData("Previews:Auth:DevelopmentKey", "short")]
    [InlineData("Previews:Audit:HmacKey", "too-short")]
    [InlineData("Previews:Audit:HmacKey", "")]
    [InlineData("Previews:Auth:Jwt:TeamClaim", "")]
    [InlineData("Previews:Reaper:IntervalSeconds", "0")]
    public async Task Options_NestedValueOutOfRange_StartFails(string setting, string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => PreviewsServer.StartAsync("Sqlite", settings: new() { [setting] = value }));

        Assert.Contains(setting.Split(':')[^1], failure.Message, StringComparison.Ordinal);
    }

    private static HttpClient WithKey(PreviewsServer server, string key)
    {
        var client = server.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<HttpStatusCode> PollUntilUnauthorizedAsync(HttpClient client)
    {
        var status = HttpStatusCode.OK;
        for (var i = 0; i < 100 && status != HttpStatusCode.Unauthorized; i++)
        {
            await Task.Delay(100);
            status = (await client.GetAsync("/v1/environments")).StatusCode;
        }

        return status;
    }

    private static SecureCart.Previews.State.PreviewsDbContext Db(TestDatabase database) =>
        new(new DbContextOptionsBuilder<SecureCart.Previews.State.PreviewsDbContext>().UseNpgsql(database.ConnectionString).Options);
}
