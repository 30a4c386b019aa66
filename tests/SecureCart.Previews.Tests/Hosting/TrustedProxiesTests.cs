using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Hosting;

public sealed class TrustedProxiesTests
{
    private const string Client = "203.0.113.7";

    [Theory]
    [InlineData("Previews:Network:KnownProxies", "127.0.0.1", Client)]
    [InlineData("Previews:Network:KnownNetworks", "127.0.0.0/8", Client)]
    [InlineData("Previews:Network:KnownProxies", "10.0.0.5", "127.0.0.1")]
    [InlineData("Previews:Network:KnownNetworks", "10.0.0.0/16", "127.0.0.1")]
    [InlineData(null, null, "127.0.0.1")]
    public async Task ForwardedFor_FromLoopback_AuditRecordsClientOnlyWhenProxyTrusted(string? setting, string? value, string expected)
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: setting is null ? null : new() { [setting] = value });
        var client = await server.ClientForAsync("alpha");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/environments") { Content = JsonContent.Create(new { name = "behind-lb", gitRef = "main", size = "small" }) };
        request.Headers.Add("X-Forwarded-For", $"198.51.100.99, {Client}");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await using var db = await server.DbAsync();
        var row = await db.AuditEntries.SingleAsync(a => a.Action == "environment.create");
        Assert.Equal(expected, row.SourceAddress);
    }

    [Fact]
    public async Task KnownProxies_NotAnAddress_StartupFailsNamingTheEntry()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PreviewsServer.StartAsync("Sqlite", settings: new() { ["Previews:Network:KnownProxies"] = "10.0.0.5, lb.internal" }));

        Assert.Contains("'lb.internal' is not an IP address", error.Message);
    }
}
