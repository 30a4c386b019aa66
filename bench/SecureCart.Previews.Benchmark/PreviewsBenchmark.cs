using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Domain;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Reads;

namespace SecureCart.Previews.Benchmark;

/// <summary>
/// The service on loopback against PostgreSQL: create latency, then the same GET load on an environment and on a
/// bare minimal-API endpoint in the same process, so the ratio shows what auth, state and views cost.
/// </summary>
internal static class PreviewsBenchmark
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(int creates, TimeSpan duration, int concurrency, bool createsOnly = false)
    {
        var admin = Environment.GetEnvironmentVariable("SECURECART_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            await Console.Error.WriteLineAsync("Set SECURECART_TEST_POSTGRES to an Npgsql connection string of a PostgreSQL superuser (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres).");
            return 2;
        }

        var database = $"previews_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(admin) { Database = database, MaxPoolSize = 100 }.ConnectionString;
            await using var app = await StartAsync(connection);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var contexts = app.Services.GetRequiredService<IDbContextFactory<PreviewsDbContext>>();
            var benchKeys = await KeysAsync(app, Enumerable.Repeat("bench", concurrency));
            var teamKeys = await KeysAsync(app, Enumerable.Range(0, concurrency).Select(i => $"team-{i}"));

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", benchKeys[0]);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"previews benchmark: PostgreSQL, plan-only engine, {Environment.ProcessorCount} cores, {creates} creates, GET {duration.TotalSeconds:0}s x {concurrency} connections"));
            using var roundTrips = new RoundTrips();
            var firstId = await CreatesAsync(new Uri(address), benchKeys, teamKeys, creates, contexts, roundTrips);
            if (createsOnly)
            {
                await app.StopAsync();
                return 0;
            }

            // The worker finishes the creates first, so its work does not fall into the read measurement.
            await DrainAsync(contexts);
            var cache = app.Services.GetRequiredService<EnvironmentCache>();
            await WaitServingAsync(cache);
            await Stages.CaptureAsync(client, firstId);
            var stages = await Stages.MeasureAsync(client, firstId, duration, concurrency);
            var (hits, misses) = (cache.Hits, cache.Misses);
            var (api, bare) = await ReadRatio.MeasureAsync(client, $"/v1/environments/{firstId}", "/bare", duration, concurrency);
            (hits, misses) = (cache.Hits - hits, cache.Misses - misses);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET /v1/environments/{{id}}:            {api.Rate,9:0} req/s, {api.Latency.Describe()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET /bare (baseline, same process):    {bare.Rate,9:0} req/s, {bare.Latency.Describe()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio API/baseline: throughput {api.Rate / bare.Rate:0.00}x, p99 {api.Latency.Percentile(99) / bare.Latency.Percentile(99):0.00}x"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"environment cache during the API run: {hits} hits, {misses} misses"));
            stages.ForEach(Console.WriteLine);
            await app.StopAsync();
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    /// <summary>
    /// One client alone (what a create costs with nothing to queue behind), then 16 in one team and 16 in a team each;
    /// after each line the database round trips per create, in the request and in the background work it caused.
    /// </summary>
    private static async Task<Guid> CreatesAsync(
        Uri address, List<string> benchKeys, List<string> teamKeys, int creates, IDbContextFactory<PreviewsDbContext> contexts, RoundTrips roundTrips)
    {
        var runs = new (string Label, IReadOnlyList<string> Keys, int Creates, string Prefix)[]
        {
            ("1 client", benchKeys.Take(1).ToList(), Math.Max(1, creates / 3), "alone"),
            ($"{benchKeys.Count} clients, one team", benchKeys, creates, "bench"),
            ($"{teamKeys.Count} clients, a team each", teamKeys, creates, "spread"),
        };
        var firstId = Guid.Empty;
        foreach (var (label, keys, count, prefix) in runs)
        {
            await DrainAsync(contexts);
            roundTrips.Take();
            var (latency, first) = await ConcurrentCreates.RunAsync(address, keys, count, prefix);
            firstId = firstId == Guid.Empty ? first : firstId;
            // How far the deploy worker trails the requests: the background work a burst of creates leaves behind.
            var behind = Stopwatch.StartNew();
            await DrainAsync(contexts);
            behind.Stop();
            var (request, background) = roundTrips.Take();
            var made = (double)(latency.Count + (keys.Count * ConcurrentCreates.WarmUp));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"create (POST /v1/environments, 202):  {latency.Describe()} [{label}]; round trips per create: {request / made:0.0} in the request, {background / made:0.0} in the background; worker done {behind.Elapsed.TotalMilliseconds:0} ms after the last reply"));
        }

        return firstId;
    }

    private static async Task<WebApplication> StartAsync(string connection)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Previews:State:Provider"] = "Postgres",
            ["Previews:State:ConnectionString"] = connection,
            ["Previews:Quotas:MaxEnvironments"] = "10000",
            ["Previews:Quotas:MaxMonthlyCost"] = "10000000",
            ["Previews:Audit:HmacKey"] = "benchmark-audit-key-0123456789abcdef0123",
            // The limiter stays in the request path (its cost is measured) but never refuses the load generator.
            ["Previews:RateLimits:KeyRequestsPerSecond"] = "1000000",
            ["Previews:RateLimits:KeyBurst"] = "10000000",
            ["Previews:RateLimits:TeamRequestsPerSecond"] = "1000000",
            ["Previews:RateLimits:TeamBurst"] = "10000000",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddPreviews(builder.Configuration);
        var app = builder.Build();
        app.MapPreviews();
        Stages.Map(app, connection);
        await app.StartAsync();
        return app;
    }

    private static async Task<List<string>> KeysAsync(WebApplication app, IEnumerable<string> teams)
    {
        var keys = new List<string>();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<PreviewsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        foreach (var (team, i) in teams.Select((t, i) => (t, i)))
        {
            var key = ApiKeys.NewKey();
            await app.Services.GetRequiredService<ApiKeys>().AddAsync(db, team, $"bench-{i}", isAdmin: false, key, CancellationToken.None);
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>The cache serves only once the change listener is connected; measuring before would measure the bypass.</summary>
    private static async Task WaitServingAsync(EnvironmentCache cache)
    {
        for (var i = 0; i < 300 && !cache.Serving; i++)
        {
            await Task.Delay(100);
        }

        if (!cache.Serving)
        {
            throw new InvalidOperationException("the environment cache never started serving: is the change listener connected?");
        }
    }

    private static async Task DrainAsync(IDbContextFactory<PreviewsDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        while (await db.Operations.AnyAsync(o => o.Status == OperationStatus.Queued || o.Status == OperationStatus.Running))
        {
            await Task.Delay(20);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
