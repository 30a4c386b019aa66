using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Engine;
using SecureCart.Previews.State;

namespace SecureCart.Previews.Benchmark;

/// <summary>
/// SSE fan-out: three replicas on one PostgreSQL, watchers spread over all three on one operation, the engine writing
/// events through the first. Latency is from the engine's write call to the event's arrival at each watcher; the
/// baseline in the same run is a bare LISTEN connection receiving the trigger's NOTIFY for the same writes. It also
/// counts the database transactions the idle watchers cost (the polling design cost 8 per watcher per second).
/// </summary>
internal static class SseFanOutBenchmark
{
    private const string HmacKey = "benchmark-audit-key-0123456789abcdef0123";

    public static async Task<int> RunAsync(int watchersPerReplica, int events)
    {
        var admin = Environment.GetEnvironmentVariable("SECURECART_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            await Console.Error.WriteLineAsync("Set SECURECART_TEST_POSTGRES to an Npgsql connection string of a PostgreSQL superuser (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres).");
            return 2;
        }

        var database = $"previews_sse_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        var engine = new TickingEngine();
        var replicas = new List<WebApplication>();
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(admin) { Database = database, MaxPoolSize = 100 }.ConnectionString;
            for (var i = 0; i < 3; i++)
            {
                replicas.Add(await StartAsync(connection, engine, worker: i == 0));
            }

            var clients = new List<HttpClient>();
            foreach (var replica in replicas)
            {
                clients.Add(await ClientAsync(replica));
            }

            using var created = await clients[0].PostAsJsonAsync("/v1/environments", new { name = "fanout", gitRef = "main", size = "small" });
            created.EnsureSuccessStatusCode();
            var body = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            var operationId = body.GetProperty("operation").GetProperty("id").GetGuid();
            await engine.Started.Task;

            // The baseline: the database's own push, with nothing of the service in between.
            await using var bare = new NpgsqlConnection(connection);
            await bare.OpenAsync();
            var bareArrivals = new ConcurrentQueue<long>();
            bare.Notification += (_, _) => bareArrivals.Enqueue(Stopwatch.GetTimestamp());
            await using (var listen = new NpgsqlCommand("LISTEN previews_operation_events", bare))
            {
                await listen.ExecuteNonQueryAsync();
            }

            using var stop = new CancellationTokenSource();
            var bareLoop = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await bare.WaitAsync(stop.Token);
                }
            });

            var watchers = new List<Watcher>();
            for (var r = 0; r < replicas.Count; r++)
            {
                for (var w = 0; w < watchersPerReplica; w++)
                {
                    watchers.Add(await Watcher.OpenAsync(clients[r], $"/v1/operations/{operationId}/events", r, events, stop.Token));
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            var idle = await IdleTransactionsPerSecondAsync(admin, database, TimeSpan.FromSeconds(5));

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SSE fan-out: 3 replicas, {watchers.Count} watchers on one operation ({watchersPerReplica} per replica), {events} events 20 ms apart, written through replica 1"));
            var readsBefore = replicas.Sum(r => r.Services.GetRequiredService<SecureCart.Previews.Live.SharedReads>().Reads);
            var written = new long[events];
            for (var n = 0; n < events; n++)
            {
                written[n] = Stopwatch.GetTimestamp();
                await engine.TickAsync(n);
                await Task.Delay(20);
            }

            engine.Finish();
            await Task.WhenAll(watchers.Select(w => w.Done));
            var reads = replicas.Sum(r => r.Services.GetRequiredService<SecureCart.Previews.Live.SharedReads>().Reads) - readsBefore;
            await stop.CancelAsync();
            await bareLoop.ContinueWith(_ => { }, TaskScheduler.Default);

            var sameReplica = new Latencies();
            var otherReplicas = new Latencies();
            foreach (var watcher in watchers)
            {
                for (var n = 0; n < events; n++)
                {
                    (watcher.Replica == 0 ? sameReplica : otherReplicas).Add(Stopwatch.GetElapsedTime(written[n], watcher.Arrivals[n]));
                }
            }

            var baseline = new Latencies();
            var arrivals = bareArrivals.ToArray();
            foreach (var start in written)
            {
                var first = arrivals.FirstOrDefault(a => a >= start);
                if (first != 0)
                {
                    baseline.Add(Stopwatch.GetElapsedTime(start, first));
                }
            }

            Console.WriteLine($"write -> NOTIFY on a bare LISTEN (baseline):   {baseline.Describe()}");
            Console.WriteLine($"write -> SSE watcher, writing replica:         {sameReplica.Describe()}");
            Console.WriteLine($"write -> SSE watcher, other replicas:          {otherReplicas.Describe()}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fan-out/baseline p50: {otherReplicas.Percentile(50) / baseline.Percentile(50):0.00}x; p99 {otherReplicas.Percentile(99) / baseline.Percentile(99):0.00}x"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"database reads per event, all replicas: {(double)reads / events:0.0} for {watchers.Count} watchers (one read per watcher would be {watchers.Count})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle: {idle:0.0} database transactions/s for {watchers.Count} watchers (polling every 250 ms with 2 reads would be {watchers.Count * 8})"));
            return 0;
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.StopAsync();
                await replica.DisposeAsync();
            }

            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task<double> IdleTransactionsPerSecondAsync(string admin, string database, TimeSpan window)
    {
        var before = await CommitsAsync(admin, database);
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(window);
        var after = await CommitsAsync(admin, database);
        // pg_stat_database counts every transaction, including this query's own; the statistics are flushed about once a second.
        return (after - before) / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<long> CommitsAsync(string admin, string database)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_stat_clear_snapshot(); SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return (long)(await command.ExecuteScalarAsync() ?? 0L);
    }

    private static async Task<WebApplication> StartAsync(string connection, IPreviewEngine engine, bool worker)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Previews:State:Provider"] = "Postgres",
            ["Previews:State:ConnectionString"] = connection,
            ["Previews:Audit:HmacKey"] = HmacKey,
            ["Previews:Worker:Enabled"] = worker ? "true" : "false",
            ["Previews:Reaper:Enabled"] = "false",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(engine);
        builder.Services.AddPreviews(builder.Configuration);
        var app = builder.Build();
        app.MapPreviews();
        await app.StartAsync();
        return app;
    }

    private static async Task<HttpClient> ClientAsync(WebApplication app)
    {
        var key = ApiKeys.NewKey();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PreviewsDbContext>>().CreateDbContextAsync())
        {
            await app.Services.GetRequiredService<ApiKeys>().AddAsync(db, "bench", "bench", isAdmin: false, key, CancellationToken.None);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = new Uri(address), Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One SSE client: when each "tick N" event arrived.</summary>
    private sealed class Watcher
    {
        private Watcher(int replica, int events)
        {
            Replica = replica;
            Arrivals = new long[events];
        }

        public int Replica { get; }
        public long[] Arrivals { get; }
        public Task Done { get; private set; } = Task.CompletedTask;

        public static async Task<Watcher> OpenAsync(HttpClient client, string path, int replica, int events, CancellationToken cancellationToken)
        {
            var watcher = new Watcher(replica, events);
            var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            watcher.Done = watcher.ReadAsync(response, cancellationToken);
            return watcher;
        }

        private async Task ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            using (response)
            {
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
                const string Marker = "\"message\":\"tick ";
                while (await reader.ReadLineAsync(cancellationToken) is { } line && line != "event: end")
                {
                    var at = line.IndexOf(Marker, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        var start = at + Marker.Length;
                        var n = int.Parse(line.AsSpan(start, line.IndexOf('"', start) - start), CultureInfo.InvariantCulture);
                        Arrivals[n] = Stopwatch.GetTimestamp();
                    }
                }
            }
        }
    }

    /// <summary>An engine the benchmark drives: each tick is one event written through the real fenced sink.</summary>
    private sealed class TickingEngine : IPreviewEngine
    {
        private readonly Channel<(int N, TaskCompletionSource Written)?> _ticks = Channel.CreateUnbounded<(int, TaskCompletionSource)?>();

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "ticking";

        public bool CreatesResources => true;

        public async Task TickAsync(int n)
        {
            var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await _ticks.Writer.WriteAsync((n, written));
            await written.Task;
        }

        public void Finish() => _ticks.Writer.TryWrite(null);

        public async Task<EngineResult> UpAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            while (await _ticks.Reader.ReadAsync(cancellationToken) is { } tick)
            {
                await events.WriteAsync(new EngineEvent("resource", $"tick {tick.N}"), cancellationToken);
                tick.Written.TrySetResult();
            }

            return new EngineResult(ImmutableDictionary<string, string>.Empty, "done");
        }

        public Task<EngineResult> DestroyAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken) =>
            Task.FromResult(new EngineResult(ImmutableDictionary<string, string>.Empty, "destroyed"));

        public Task CancelAsync(EngineRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
