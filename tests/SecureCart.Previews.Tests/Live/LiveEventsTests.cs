using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SecureCart.Previews.Live;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Live;

/// <summary>
/// Watchers are woken by the database (LISTEN/NOTIFY on PostgreSQL, the in-process feed on SQLite), never by a timer:
/// every test sets the safety read to an hour, so an event that arrives within seconds was pushed.
/// </summary>
public sealed class LiveEventsTests
{
    private static readonly TimeSpan s_soon = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task ThreeReplicas_EventsWrittenThroughOne_EveryWatcherSeesTheSameOrderedStream()
    {
        var engine = new GatedEngine(steps: 5);
        await using var database = await TestDatabase.CreateAsync("Postgres");
        await using var writer = await PreviewsServer.StartReplicaAsync(database, null, engine, Settings("writer", worker: true));
        await using var second = await PreviewsServer.StartReplicaAsync(database, null, engine, Settings("second", worker: false));
        await using var third = await PreviewsServer.StartReplicaAsync(database, null, engine, Settings("third", worker: false));
        PreviewsServer[] replicas = [writer, second, third];
        await WaitListeningAsync(replicas);
        var created = await PreviewsServer.CreateAsync(await writer.ClientForAsync("alpha"), "fanout");
        var path = $"/v1/operations/{created.Operation.Id}/events";

        var streams = new List<SseWatcher>();
        foreach (var replica in replicas)
        {
            streams.Add(await SseWatcher.OpenAsync(await replica.ClientForAsync("alpha"), path));
        }

        try
        {
            await Task.WhenAll(streams.Select(s => s.WaitForAsync(e => e.Type == "prelude", s_soon)));
            for (var step = 1; step <= engine.Steps; step++)
            {
                engine.Release();
                var text = $"step {step}";
                await Task.WhenAll(streams.Select(s => s.WaitForAsync(e => e.Data.Contains(text, StringComparison.Ordinal), s_soon)));
            }

            await Task.WhenAll(streams.Select(s => s.WaitForAsync(e => e.Type == "end", s_soon)));
            var first = streams[0].Events;
            Assert.Equal(["queued", "claimed", "prelude", "resource", "resource", "resource", "resource", "resource", "summary", "finished", "end"], first.Select(e => e.Type));
            Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString(CultureInfo.InvariantCulture)), first.SkipLast(1).Select(e => e.Id));
            Assert.Contains("\"status\":\"Succeeded\"", first[^1].Data, StringComparison.Ordinal);
            foreach (var other in streams.Skip(1))
            {
                Assert.Equal(first, other.Events);
            }

            Assert.All(streams, s => Assert.Equal("1000", s.Retry));
            // One listening connection per replica, never lost in this test.
            Assert.All(replicas, r => Assert.Equal(1, Listener(r).Connections));
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Resume_OnAnotherReplicaWithLastEventId_LaterEventsOnlyThenTheLiveTail()
    {
        var engine = new GatedEngine(steps: 4);
        await using var database = await TestDatabase.CreateAsync("Postgres");
        await using var writer = await PreviewsServer.StartReplicaAsync(database, null, engine, Settings("writer", worker: true));
        await using var other = await PreviewsServer.StartReplicaAsync(database, null, engine, Settings("other", worker: false));
        await WaitListeningAsync(writer, other);
        var client = await writer.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "resume");
        var path = $"/v1/operations/{created.Operation.Id}/events";

        string lastSeen;
        await using (var before = await SseWatcher.OpenAsync(client, path))
        {
            engine.Release(2);
            await before.WaitForAsync(e => e.Data.Contains("step 2", StringComparison.Ordinal), s_soon);
            lastSeen = before.Events.Single(e => e.Data.Contains("step 2", StringComparison.Ordinal)).Id!;
        }

        // The client dropped; steps 3 and 4 are written before it comes back, on the other replica.
        engine.Release(2);
        await WaitForEventsAsync(writer, created.Operation.Id, "resource", 4);
        await using var after = await SseWatcher.OpenAsync(await other.ClientForAsync("alpha"), path, lastSeen);
        await after.WaitForAsync(e => e.Type == "end", s_soon);

        var resumedFrom = int.Parse(lastSeen, CultureInfo.InvariantCulture);
        var events = after.Events;
        Assert.Equal(["resource", "resource", "summary", "finished", "end"], events.Select(e => e.Type));
        Assert.Contains("step 3", events[0].Data, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(resumedFrom + 1, 4).Select(i => i.ToString(CultureInfo.InvariantCulture)), events.SkipLast(1).Select(e => e.Id));
    }

    [Fact]
    public async Task DatabaseOutageDuringWatch_ListenerReconnectsAndTheMissedEventsArriveInOrder()
    {
        var engine = new GatedEngine(steps: 5);
        await using var database = await TestDatabase.CreateAsync("Postgres");
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new TcpProxy(new IPEndPoint((await Dns.GetHostAddressesAsync(target.Host!))[0], target.Port));
        await using var writer = await PreviewsServer.StartReplicaAsync(database, null, engine, Settings("writer", worker: true));
        await using var watcher = await PreviewsServer.StartReplicaAsync(database, database.ConnectionStringThrough(proxy.Port), engine, Settings("watcher", worker: false));
        await WaitListeningAsync(writer, watcher);
        var created = await PreviewsServer.CreateAsync(await writer.ClientForAsync("alpha"), "outage");
        // The key is written through the direct replica: the proxied one's short connect timeout is for the outage, not for set-up on a busy machine.
        await using var stream = await SseWatcher.OpenAsync(await ClientOnAsync(watcher, keysFrom: writer), $"/v1/operations/{created.Operation.Id}/events");
        engine.Release();
        await stream.WaitForAsync(e => e.Data.Contains("step 1", StringComparison.Ordinal), s_soon);

        proxy.Cut();
        await WaitUntilAsync(() => !Listener(watcher).IsListening);
        engine.Release(3);
        await WaitForEventsAsync(writer, created.Operation.Id, "resource", 4);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(stream.Events, e => e.Data.Contains("step 2", StringComparison.Ordinal));
        proxy.Restore();

        await stream.WaitForAsync(e => e.Data.Contains("step 4", StringComparison.Ordinal), s_soon);
        engine.Release();
        await stream.WaitForAsync(e => e.Type == "end", s_soon);
        var events = stream.Events;
        Assert.Equal(["queued", "claimed", "prelude", "resource", "resource", "resource", "resource", "resource", "summary", "finished", "end"], events.Select(e => e.Type));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"step {i}"), events.Where(e => e.Type == "resource").Select(e => System.Text.Json.JsonDocument.Parse(e.Data).RootElement.GetProperty("message").GetString()));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i.ToString(CultureInfo.InvariantCulture)), events.SkipLast(1).Select(e => e.Id));
        Assert.True(Listener(watcher).Connections >= 2, "the listener never reconnected");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OneReplica_EachEventPushedAsItIsWritten(string provider)
    {
        var engine = new GatedEngine(steps: 3);
        await using var server = await PreviewsServer.StartAsync(provider, engine, Settings("only", worker: true));
        var client = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "single");
        await using var stream = await SseWatcher.OpenAsync(client, $"/v1/operations/{created.Operation.Id}/events");

        for (var step = 1; step <= engine.Steps; step++)
        {
            engine.Release();
            var text = $"step {step}";
            await stream.WaitForAsync(e => e.Data.Contains(text, StringComparison.Ordinal), s_soon);
        }

        await stream.WaitForAsync(e => e.Type == "end", s_soon);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => i.ToString(CultureInfo.InvariantCulture)), stream.Events.SkipLast(1).Select(e => e.Id));
        Assert.Equal(0, server.Services.GetRequiredService<OperationFeed>().WatcherCount);
    }

    [Fact]
    public async Task ManyWatchersOnOneReplica_ShareEachRead()
    {
        const int Watchers = 20;
        var engine = new GatedEngine(steps: 5);
        await using var server = await PreviewsServer.StartAsync("Postgres", engine, Settings("only", worker: true));
        var client = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "crowd");
        var path = $"/v1/operations/{created.Operation.Id}/events";
        var streams = new List<SseWatcher>();
        for (var i = 0; i < Watchers; i++)
        {
            streams.Add(await SseWatcher.OpenAsync(client, path));
        }

        try
        {
            await Task.WhenAll(streams.Select(s => s.WaitForAsync(e => e.Type == "prelude", s_soon)));
            var reads = server.Services.GetRequiredService<SharedReads>();
            var before = reads.Reads;
            for (var step = 1; step <= engine.Steps; step++)
            {
                engine.Release();
                var text = $"step {step}";
                await Task.WhenAll(streams.Select(s => s.WaitForAsync(e => e.Data.Contains(text, StringComparison.Ordinal), s_soon)));
            }

            await Task.WhenAll(streams.Select(s => s.WaitForAsync(e => e.Type == "end", s_soon)));
            var perEvent = (reads.Reads - before) / 7.0;

            // 7 writes (5 steps, summary, finished) woke 20 watchers each; reading apart would be 20 reads a write.
            Assert.True(perEvent < Watchers / 4.0, $"{perEvent:0.0} reads per write for {Watchers} watchers");
            Assert.All(streams, s => Assert.Equal(streams[0].Events, s.Events));
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    internal static Dictionary<string, string?> Settings(string workerId, bool worker) => new()
    {
        ["Previews:Worker:WorkerId"] = workerId,
        ["Previews:Worker:Enabled"] = worker ? "true" : "false",
        ["Previews:Worker:PollMilliseconds"] = "100",
        ["Previews:Auth:KeyCacheSeconds"] = "0",
        // Nothing reaches a watcher by waiting out a timer in these tests.
        ["Previews:Live:SafetyReadSeconds"] = "3600",
        ["Previews:Live:ReconnectFirstMilliseconds"] = "100",
        ["Previews:Live:ReconnectMaxMilliseconds"] = "500",
        ["Previews:Live:OutageRetryMilliseconds"] = "200",
    };

    private static async Task<HttpClient> ClientOnAsync(PreviewsServer target, PreviewsServer keysFrom)
    {
        var key = SecureCart.Previews.Auth.ApiKeys.NewKey();
        await using (var db = await keysFrom.DbAsync())
        {
            await keysFrom.Services.GetRequiredService<SecureCart.Previews.Auth.ApiKeys>().AddAsync(db, "alpha", "watcher", false, key, CancellationToken.None);
        }

        var client = target.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    internal static PostgresNotificationListener Listener(PreviewsServer server) => server.Services.GetRequiredService<PostgresNotificationListener>();

    internal static async Task WaitListeningAsync(params PreviewsServer[] replicas) =>
        await WaitUntilAsync(() => replicas.All(r => Listener(r).IsListening));

    private static async Task WaitForEventsAsync(PreviewsServer server, Guid operationId, string type, int count)
    {
        for (var i = 0; i < 300; i++)
        {
            await using var db = await server.DbAsync();
            if (await db.OperationEvents.CountAsync(e => e.OperationId == operationId && e.Type == type) >= count)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"fewer than {count} {type} events were written");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "timed out");
    }
}
