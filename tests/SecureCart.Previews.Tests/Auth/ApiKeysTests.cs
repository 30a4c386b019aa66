using System.Net;
using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Auth;

public sealed class ApiKeysTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RevokedKey_AfterCacheWindow_Unauthorized(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, settings: new() { ["Previews:Auth:KeyCacheSeconds"] = "10" });
        var client = await server.ClientForAsync("alpha");
        var before = await client.GetAsync("/v1/environments");

        await RevokeAllAsync(server);
        server.Time.Advance(TimeSpan.FromSeconds(11));
        var after = await client.GetAsync("/v1/environments");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("unknown or revoked", await after.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RevokedKey_CacheOff_UnauthorizedAtOnce(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, settings: new() { ["Previews:Auth:KeyCacheSeconds"] = "0" });
        var client = await server.ClientForAsync("alpha");
        var before = await client.GetAsync("/v1/environments");

        await RevokeAllAsync(server);
        var after = await client.GetAsync("/v1/environments");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private static async Task RevokeAllAsync(PreviewsServer server)
    {
        await using var db = await server.DbAsync();
        var now = server.Time.GetUtcNow();
        await db.ApiKeys.ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now));
    }
}
