using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SecureCart.Previews.Api;
using SecureCart.Previews.State.Reads;
using SecureCart.Previews.Tests.Live;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.State.Reads;

/// <summary>
/// The per-replica cache of environment reads is never the reason a GET is out of date: changes written through one
/// replica reach another's GETs within a second (by the database's notice), a replica that cannot hear notices reads
/// the database, and what it cached before it went deaf is gone when it hears again.
/// </summary>
public sealed class EnvironmentCacheTests
{
    // Long enough for a notice on a busy machine, short enough that only a notice explains it (nothing expires entries).
    private static readonly TimeSpan s_noticeWithin = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task TwoReplicas_WorkerAndExtendThroughOne_SeenByTheOthersCachedGetsWithinASecond()
    {
        var engine = new GatedEngine(steps: 1);
        await using var database = await TestDatabase.CreateAsync("Postgres");
        await using var writer = await PreviewsServer.StartReplicaAsync(database, null, engine, LiveEventsTests.Settings("writer", worker: true));
        await using var reader = await PreviewsServer.StartReplicaAsync(database, null, engine, LiveEventsTests.Settings("reader", worker: false));
        await LiveEventsTests.WaitListeningAsync(writer, reader);
        var created = await PreviewsServer.CreateAsync(await writer.ClientForAsync("alpha"), "cached", ttlHours: 24);
        var id = created.Environment.Id;
        var onReader = await reader.ClientForAsync("alpha");
        var cache = reader.Services.GetRequiredService<EnvironmentCache>();

        // Cached on the reader while provisioning: the second GET is answered from memory.
        Assert.Equal("Provisioning", (await GetAsync(onReader, id)).Status);
        var hits = cache.Hits;
        Assert.Equal("Provisioning", (await GetAsync(onReader, id)).Status);
        Assert.True(cache.Hits > hits, "the second GET did not come from the cache");

        // The worker on the writer finishes: the reader's cached Provisioning must give way.
        engine.Release();
        await PreviewsServer.WaitForStatusAsync(await writer.ClientForAsync("alpha"), id, "Ready");
        Assert.Equal("Ready", (await PollAsync(onReader, id, v => v.Status == "Ready")).Status);
        Assert.Equal("Ready", (await GetAsync(onReader, id)).Status);

        // Extended through the writer: the reader's cached expiry must move.
        var before = (await GetAsync(onReader, id)).ExpiresAt;
        var extend = await (await writer.ClientForAsync("alpha")).PostAsJsonAsync($"/v1/environments/{id}/extend", new { hours = 5 });
        Assert.Equal(HttpStatusCode.OK, extend.StatusCode);
        var extended = (await extend.Content.ReadFromJsonAsync<EnvironmentView>(PreviewsServer.Json))!.ExpiresAt;
        Assert.True(extended > before);
        Assert.Equal(extended, (await PollAsync(onReader, id, v => v.ExpiresAt == extended)).ExpiresAt);

        // Still scoped per request: another team asking the replica that holds the row gets 404.
        var beta = await reader.ClientForAsync("beta");
        Assert.Equal(HttpStatusCode.NotFound, (await beta.GetAsync($"/v1/environments/{id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OneReplica_ItsOwnExtend_ReadBackAtOnce(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, new GatedEngine(steps: 1), LiveEventsTests.Settings("only", worker: false));
        if (provider == "Postgres")
        {
            await LiveEventsTests.WaitListeningAsync(server);
        }

        var client = await server.ClientForAsync("alpha");
        var id = (await PreviewsServer.CreateAsync(client, "own", ttlHours: 24)).Environment.Id;
        var cache = server.Services.GetRequiredService<EnvironmentCache>();
        await GetAsync(client, id);
        var hits = cache.Hits;
        var cached = await GetAsync(client, id);
        Assert.True(cache.Hits > hits, "the second GET did not come from the cache");

        var extend = await client.PostAsJsonAsync($"/v1/environments/{id}/extend", new { hours = 3 });
        Assert.Equal(HttpStatusCode.OK, extend.StatusCode);

        // No wait at all: the write dropped its own entry when it committed, before answering.
        Assert.Equal(cached.ExpiresAt.AddHours(3), (await GetAsync(client, id)).ExpiresAt);
    }

    [Fact]
    public async Task ListenerCut_GetsGoToTheDatabase_AndNothingCachedBeforeIsServedAfterReconnect()
    {
        var engine = new GatedEngine(steps: 1);
        await using var database = await TestDatabase.CreateAsync("Postgres");
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new TcpProxy(new IPEndPoint((await Dns.GetHostAddressesAsync(target.Host!))[0], target.Port));
        await using var writer = await PreviewsServer.StartReplicaAsync(database, null, engine, LiveEventsTests.Settings("writer", worker: false));
        await using var reader = await PreviewsServer.StartReplicaAsync(database, database.ConnectionStringThrough(proxy.Port), engine, LiveEventsTests.Settings("reader", worker: false));
        await LiveEventsTests.WaitListeningAsync(writer, reader);
        var onWriter = await writer.ClientForAsync("alpha");
        var id = (await PreviewsServer.CreateAsync(onWriter, "outage", ttlHours: 24)).Environment.Id;
        var onReader = await ClientOnAsync(reader, keysFrom: writer);
        var cache = reader.Services.GetRequiredService<EnvironmentCache>();
        var cached = await GetAsync(onReader, id);
        await GetAsync(onReader, id);
        Assert.True(cache.Hits > 0, "nothing was served from the cache before the cut");

        proxy.Cut();
        await WaitUntilAsync(() => !LiveEventsTests.Listener(reader).IsListening);
        Assert.False(cache.Serving);

        // The change lands while the reader cannot hear it.
        var extend = await onWriter.PostAsJsonAsync($"/v1/environments/{id}/extend", new { hours = 7 });
        Assert.Equal(HttpStatusCode.OK, extend.StatusCode);
        var extended = cached.ExpiresAt.AddHours(7);

        // Deaf and cut off: the GET goes to the database, so it fails as any read would; never the cached row.
        var hits = cache.Hits;
        var during = await onReader.GetAsync($"/v1/environments/{id}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(hits, cache.Hits);

        proxy.Restore();
        await WaitUntilAsync(() => LiveEventsTests.Listener(reader).IsListening);

        // The first GET that answers after reconnecting already has the change: nothing from the earlier connection
        // survived. (Reads may still fail briefly while the reader's pool drops the connections the cut broke.)
        Assert.Equal(extended, (await FirstAnswerAsync(onReader, id)).ExpiresAt);
        Assert.Equal(extended, (await GetAsync(onReader, id)).ExpiresAt);
        Assert.True(LiveEventsTests.Listener(reader).Connections >= 2);
    }

    [Fact]
    public void Keep_AfterAnInvalidationDuringTheLoad_IsDropped()
    {
        var cache = new EnvironmentCache(Microsoft.Extensions.Options.Options.Create(new SecureCart.Previews.Options.EnvironmentCacheOptions()), new SecureCart.Previews.State.StateDialect(isPostgres: true));
        var row = new SecureCart.Previews.State.Entities.EnvironmentRecord { Id = Guid.NewGuid(), Team = "alpha", Name = "race" };

        // Not listening yet: nothing is kept.
        cache.Keep(cache.BeginLoad(), row);
        Assert.False(cache.TryGet(row.Id, out _));

        cache.Listening(1);
        var stamp = cache.BeginLoad();
        cache.Invalidate(row.Id);
        cache.Keep(stamp, row);
        Assert.False(cache.TryGet(row.Id, out _));

        // A load that spans a reconnect is not kept either.
        stamp = cache.BeginLoad();
        cache.NotListening();
        cache.Listening(2);
        cache.Keep(stamp, row);
        Assert.False(cache.TryGet(row.Id, out _));

        cache.Keep(cache.BeginLoad(), row);
        Assert.True(cache.TryGet(row.Id, out var kept));
        Assert.Same(row, kept);
        cache.NotListening();
        Assert.False(cache.TryGet(row.Id, out _));
    }

    private static async Task<EnvironmentView> GetAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/v1/environments/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EnvironmentView>(PreviewsServer.Json))!;
    }

    private static async Task<EnvironmentView> FirstAnswerAsync(HttpClient client, Guid id)
    {
        for (var i = 0; i < 100; i++)
        {
            var response = await client.GetAsync($"/v1/environments/{id}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<EnvironmentView>(PreviewsServer.Json))!;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            await Task.Delay(100);
        }

        throw new TimeoutException("the reader never answered after the database came back");
    }

    private static async Task<EnvironmentView> PollAsync(HttpClient client, Guid id, Func<EnvironmentView, bool> seen)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var view = await GetAsync(client, id);
        while (!seen(view) && clock.Elapsed < s_noticeWithin)
        {
            await Task.Delay(20);
            view = await GetAsync(client, id);
        }

        Assert.True(seen(view), $"still {view.Status}, expires {view.ExpiresAt:O} after {s_noticeWithin.TotalSeconds} s");
        return view;
    }

    private static async Task<HttpClient> ClientOnAsync(PreviewsServer target, PreviewsServer keysFrom)
    {
        var key = SecureCart.Previews.Auth.ApiKeys.NewKey();
        await using (var db = await keysFrom.DbAsync())
        {
            await keysFrom.Services.GetRequiredService<SecureCart.Previews.Auth.ApiKeys>().AddAsync(db, "alpha", "reader", false, key, CancellationToken.None);
        }

        var client = target.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
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
