using System.Net;
using Microsoft.Extensions.Logging;
using Npgsql;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Hosting;

public sealed class OperabilityTests
{
    [Fact]
    public async Task Database_Unreachable_ReadyzAndRequests503WithRetryAfterThenRecover()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres");
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new TcpProxy(new IPEndPoint((await Dns.GetHostAddressesAsync(target.Host!))[0], target.Port));
        var logs = new CapturedLogs();
        await using var server = await PreviewsServer.StartReplicaAsync(database, database.ConnectionStringThrough(proxy.Port), new ControllableEngine(), logs: logs);
        var client = await server.ClientForAsync("alpha");
        var anonymous = server.Anonymous();
        var readyBefore = await anonymous.GetAsync("/readyz");

        proxy.Cut();
        var ready = await anonymous.GetAsync("/readyz");
        var alive = await anonymous.GetAsync("/healthz");
        var list = await client.GetAsync("/v1/environments");
        var body = await list.Content.ReadAsStringAsync();
        proxy.Restore();
        // Recovery, not an instant: a pooled connection the cut broke may answer 503 once before it is replaced.
        var readyAfter = await UntilNot503Async(anonymous, "/readyz");
        var listAfter = await UntilNot503Async(client, "/v1/environments");

        Assert.Equal(HttpStatusCode.OK, readyBefore.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.NotNull(ready.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), list.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        Assert.Contains("retry in 5 seconds", body);
        Assert.DoesNotContain("Npgsql", body);
        Assert.Equal(HttpStatusCode.OK, readyAfter.StatusCode);
        Assert.True(listAfter.StatusCode == HttpStatusCode.OK, string.Join("\n", logs.Lines.Where(l => l.Level >= LogLevel.Error).Select(l => $"{l.Category}: {l.Message} {l.Exception}")));
    }

    [Fact]
    public async Task Logging_Defaults_NoStatementOrRequestLinesAtInformation()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres");
        var logs = new CapturedLogs();
        await using var server = await PreviewsServer.StartReplicaAsync(database, null, new ControllableEngine(), logs: logs);
        var client = await server.ClientForAsync("alpha");

        var created = await PreviewsServer.CreateAsync(client, "quiet");
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Ready");
        for (var i = 0; i < 300 && !logs.Lines.Any(l => l.EventId == 2101); i++)
        {
            await Task.Delay(50);
        }

        var noisy = logs.Lines.Where(l => l.Level <= LogLevel.Information && l.Category.StartsWith("Microsoft.", StringComparison.Ordinal)
            && !l.Category.StartsWith("Microsoft.Hosting.Lifetime", StringComparison.Ordinal)).ToList();
        Assert.True(noisy.Count == 0, string.Join("\n", noisy.Take(5).Select(l => $"{l.Category}: {l.Message}")));
        Assert.Contains(logs.Lines, l => l.EventId == 2101 && l.Message.Contains("Succeeded", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> UntilNot503Async(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        for (var attempt = 0; attempt < 20 && response.StatusCode == HttpStatusCode.ServiceUnavailable; attempt++)
        {
            await Task.Delay(250);
            response = await client.GetAsync(path);
        }

        return response;
    }
}
