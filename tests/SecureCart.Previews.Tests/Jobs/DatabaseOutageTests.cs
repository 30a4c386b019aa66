using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Jobs;

/// <summary>
/// A real PostgreSQL that one replica reaches through a proxy the test cuts mid-operation, while a second replica
/// keeps its own direct connection: every engine run is counted, and no two runs of one operation ever overlap.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Blip_ShorterThanLease_EachEngineRunsOnceAndItsResultIsWrittenOnce()
    {
        var engine = new CountingEngine(TimeSpan.FromSeconds(4), chatty: true);
        await using var outage = await OutageAsync(engine, leaseSeconds: 8);
        var client = await outage.Proxied.ClientForAsync("alpha");
        var first = await PreviewsServer.CreateAsync(client, "blip-one");
        var second = await PreviewsServer.CreateAsync(client, "blip-two");
        await WaitUntilAsync(() => engine.Started(first.Operation.Id) == 1 && engine.Started(second.Operation.Id) == 1);
        await using var direct = await outage.StartDirectReplicaAsync();

        outage.Proxy.Cut();
        await Task.Delay(TimeSpan.FromSeconds(3));
        outage.Proxy.Restore();
        var observer = await direct.ClientForAsync("alpha");
        await PreviewsServer.WaitForStatusAsync(observer, first.Environment.Id, "Ready");
        await PreviewsServer.WaitForStatusAsync(observer, second.Environment.Id, "Ready");

        Assert.Equal(1, engine.MaxInFlightPerOperation);
        foreach (var created in new[] { first, second })
        {
            var run = Assert.Single(engine.Runs(created.Operation.Id));
            Assert.Equal("succeeded", run.Ending);
            var record = await ReadAsync(outage.Database, created.Operation.Id);
            Assert.Equal(OperationStatus.Succeeded, record.Status);
            Assert.Equal(1, record.Attempts);
            Assert.Equal(1, record.Finished);
            Assert.Equal(1, record.EngineAuditRows);
            Assert.Equal(20, record.Steps);
            Assert.Equal(Enumerable.Range(1, record.Sequences.Count), record.Sequences);
        }
    }

    [Fact]
    public async Task Outage_LongerThanLease_EngineStoppedBeforeTheOtherReplicaClaimsAndResultWrittenOnce()
    {
        var engine = new CountingEngine(TimeSpan.FromSeconds(12), chatty: false);
        await using var outage = await OutageAsync(engine, leaseSeconds: 8);
        var client = await outage.Proxied.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "outage");
        await WaitUntilAsync(() => engine.Started(created.Operation.Id) == 1);
        await using var direct = await outage.StartDirectReplicaAsync();

        outage.Proxy.Cut();
        var cutAt = engine.Now;
        await WaitUntilAsync(() => engine.Started(created.Operation.Id) == 2);
        outage.Proxy.Restore();
        var observer = await direct.ClientForAsync("alpha");
        await PreviewsServer.WaitForStatusAsync(observer, created.Environment.Id, "Ready");

        var runs = engine.Runs(created.Operation.Id);
        Assert.Equal(1, engine.MaxInFlightPerOperation);
        Assert.Equal(2, runs.Count);
        Assert.Equal("cancelled", runs[0].Ending);
        Assert.True(runs[0].Ended < cutAt + TimeSpan.FromSeconds(8), $"stopped {runs[0].Ended - cutAt} after the cut; the lease is 8 s");
        Assert.True(runs[0].Ended <= runs[1].Started, $"first run ended at {runs[0].Ended}, second started at {runs[1].Started}");
        Assert.Equal("succeeded", runs[1].Ending);
        var record = await ReadAsync(outage.Database, created.Operation.Id);
        Assert.Equal(OperationStatus.Succeeded, record.Status);
        Assert.Equal(2, record.Attempts);
        Assert.Equal(1, record.Finished);
        Assert.Equal(1, record.EngineAuditRows);
    }

    [Fact]
    public async Task Completion_DatabaseDownWhenEngineFinishes_ResultKeptAndWrittenOnceAfterwards()
    {
        var engine = new CountingEngine(TimeSpan.FromSeconds(2), chatty: false, finalEvent: false);
        await using var outage = await OutageAsync(engine, leaseSeconds: 10);
        var client = await outage.Proxied.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "finish");
        await WaitUntilAsync(() => engine.Started(created.Operation.Id) == 1);
        await using var direct = await outage.StartDirectReplicaAsync();

        outage.Proxy.Cut();
        await WaitUntilAsync(() => engine.Runs(created.Operation.Id).Count == 1);
        await Task.Delay(TimeSpan.FromSeconds(2));
        outage.Proxy.Restore();
        var observer = await direct.ClientForAsync("alpha");
        var ready = await PreviewsServer.WaitForStatusAsync(observer, created.Environment.Id, "Ready");

        var run = Assert.Single(engine.Runs(created.Operation.Id));
        Assert.Equal("succeeded", run.Ending);
        Assert.Equal("https://finish.preview.test", ready.Url);
        var record = await ReadAsync(outage.Database, created.Operation.Id);
        Assert.Equal(1, record.Attempts);
        Assert.Equal(1, record.Finished);
        Assert.Equal(1, record.EngineAuditRows);
    }

    private static async Task<Outage> OutageAsync(CountingEngine engine, int leaseSeconds)
    {
        var database = await TestDatabase.CreateAsync("Postgres");
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var address = (await Dns.GetHostAddressesAsync(target.Host!))[0];
        var proxy = new TcpProxy(new IPEndPoint(address, target.Port));
        var settings = Settings(leaseSeconds, "replica-a");
        var proxied = await PreviewsServer.StartReplicaAsync(database, database.ConnectionStringThrough(proxy.Port), engine, settings);
        return new Outage(database, proxy, proxied, engine, leaseSeconds);
    }

    private static Dictionary<string, string?> Settings(int leaseSeconds, string workerId) => new()
    {
        ["Previews:Worker:LeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Previews:Worker:WorkerId"] = workerId,
        ["Previews:Worker:PollMilliseconds"] = "100",
        ["Previews:Auth:KeyCacheSeconds"] = "0",
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "timed out waiting for the engine");
    }

    private static async Task<OperationFacts> ReadAsync(TestDatabase database, Guid operationId)
    {
        var options = new DbContextOptionsBuilder<SecureCart.Previews.State.PreviewsDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using var db = new SecureCart.Previews.State.PreviewsDbContext(options);
        var operation = await db.Operations.AsNoTracking().SingleAsync(o => o.Id == operationId);
        var events = await db.OperationEvents.AsNoTracking().Where(e => e.OperationId == operationId).OrderBy(e => e.Sequence).ToListAsync();
        var audits = await db.AuditEntries.AsNoTracking().CountAsync(a => a.Actor == "engine" && a.RequestId == operationId.ToString("D"));
        return new OperationFacts(
            operation.Status, operation.Attempts, events.Count(e => e.Type == "finished"), audits, events.Count(e => e.Type == "resource"), [.. events.Select(e => e.Sequence)]);
    }

    private sealed record OperationFacts(OperationStatus Status, int Attempts, int Finished, int EngineAuditRows, int Steps, List<int> Sequences);

    private sealed class Outage(TestDatabase database, TcpProxy proxy, PreviewsServer proxied, CountingEngine engine, int leaseSeconds) : IAsyncDisposable
    {
        public TestDatabase Database => database;
        public TcpProxy Proxy => proxy;
        public PreviewsServer Proxied => proxied;

        public Task<PreviewsServer> StartDirectReplicaAsync() =>
            PreviewsServer.StartReplicaAsync(database, null, engine, Settings(leaseSeconds, "replica-b"));

        public async ValueTask DisposeAsync()
        {
            proxy.Restore();
            await proxied.DisposeAsync();
            await proxy.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}
