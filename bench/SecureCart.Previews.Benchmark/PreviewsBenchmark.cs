using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SecureCart.Previews.Auth;
using SecureCart.Previews.State;

namespace SecureCart.Previews.Benchmark;

/// <summary>
/// The service on loopback against PostgreSQL: create latency, then the same GET load on an environment and on a
/// bare minimal-API endpoint in the same process, so the ratio shows what auth, state and views cost.
/// </summary>
internal static class PreviewsBenchmark
{
    public static async Task<int> RunAsync(int creates, TimeSpan duration, int concurrency)
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
            var key = ApiKeys.NewKey();
            var contexts = app.Services.GetRequiredService<IDbContextFactory<PreviewsDbContext>>();
            await using (var db = await contexts.CreateDbContextAsync())
            {
                await app.Services.GetRequiredService<ApiKeys>().AddAsync(db, "bench", "bench", isAdmin: false, key, CancellationToken.None);
            }

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"previews benchmark: PostgreSQL, plan-only engine, {Environment.ProcessorCount} cores, {creates} creates, GET {duration.TotalSeconds:0}s x {concurrency} connections"));
            var createLatency = new Latencies();
            Guid firstId = default;
            for (var i = 0; i < creates + 20; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync("/v1/environments", new { name = $"bench-{i}", gitRef = "main", size = "small" });
                var elapsed = Stopwatch.GetElapsedTime(started);
                response.EnsureSuccessStatusCode();
                if (i == 0)
                {
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    firstId = body.RootElement.GetProperty("environment").GetProperty("id").GetGuid();
                }

                // The first 20 warm up JIT, pools and caches.
                if (i >= 20)
                {
                    createLatency.Add(elapsed);
                }
            }

            Console.WriteLine($"create (POST /v1/environments, 202):  {createLatency.Describe()}");
            var (apiRate, apiLatency) = await LoadAsync(client, $"/v1/environments/{firstId}", duration, concurrency);
            var (bareRate, bareLatency) = await LoadAsync(client, "/bare", duration, concurrency);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET /v1/environments/{{id}}:            {apiRate,9:0} req/s, {apiLatency.Describe()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET /bare (baseline, same process):    {bareRate,9:0} req/s, {bareLatency.Describe()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio API/baseline: throughput {apiRate / bareRate:0.00}x, p99 {apiLatency.Percentile(99) / bareLatency.Percentile(99):0.00}x"));
            await app.StopAsync();
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task<WebApplication> StartAsync(string connection)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Previews:State:Provider"] = "Postgres",
            ["Previews:State:ConnectionString"] = connection,
            ["Previews:Quotas:MaxEnvironments"] = "100000",
            ["Previews:Quotas:MaxMonthlyCost"] = "10000000",
            ["Previews:Audit:HmacKey"] = "benchmark-audit-key-0123456789abcdef0123",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddPreviews(builder.Configuration);
        var app = builder.Build();
        app.MapPreviews();
        app.MapGet("/bare", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous();
        await app.StartAsync();
        return app;
    }

    private static async Task<(double Rate, Latencies Latency)> LoadAsync(HttpClient client, string path, TimeSpan duration, int concurrency)
    {
        // A short warm-up, then the measured window.
        for (var i = 0; i < 200; i++)
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var latency = new Latencies();
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < stop)
            {
                var t = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                await response.Content.LoadIntoBufferAsync();
                response.EnsureSuccessStatusCode();
                latency.Add(Stopwatch.GetElapsedTime(t));
            }
        }));
        return (latency.Count / Stopwatch.GetElapsedTime(started).TotalSeconds, latency);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
