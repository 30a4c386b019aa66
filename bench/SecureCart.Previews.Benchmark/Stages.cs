using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SecureCart.Previews.Api;
using SecureCart.Previews.Endpoints;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Reads;

namespace SecureCart.Previews.Benchmark;

/// <summary>
/// Where a GET's time goes: the bare endpoint writes the environment's own view (the same JSON as the real one), and
/// each stage adds one part of the real path to it, measured the same way in the same run.
/// </summary>
internal static class Stages
{
    private static EnvironmentView? s_view;
    private static PostgresEnvironmentReader? s_store;

    public static void Map(WebApplication app, string connection)
    {
        // The prepared read without the service's cache in front of it: its own reader, configured as the service's.
        s_store = new PostgresEnvironmentReader(NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connection) { Multiplexing = true, MaxAutoPrepare = 64, NoResetOnClose = true }.ConnectionString));

        app.MapGet("/bare", () => TypedResults.Ok(s_view)).AllowAnonymous();
        app.MapGet("/stage/auth", () => TypedResults.Ok(s_view)).RequireAuthorization();

        // The read as it was before: EF Core's LINQ pipeline for one row by key.
        app.MapGet("/stage/ef/{id:guid}", async (Guid id, IDbContextFactory<PreviewsDbContext> contexts, ViewMapper views, CancellationToken ct) =>
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var record = await db.Environments.AsNoTracking().SingleAsync(e => e.Id == id && e.Team == "bench", ct);
            return TypedResults.Ok(views.ToView(record));
        }).AllowAnonymous();

        // The prepared statement on every GET, as before the cache.
        app.MapGet("/stage/read/{id:guid}", async (Guid id, ViewMapper views, CancellationToken ct) =>
            TypedResults.Ok(views.ToView((await s_store!.FindAsync("bench", id, ct))!))).AllowAnonymous();

        // The read the API does now (the cache, the statement on a miss), without authentication.
        app.MapGet("/stage/cached/{id:guid}", async (Guid id, IEnvironmentReader reader, ViewMapper views, CancellationToken ct) =>
            TypedResults.Ok(views.ToView((await reader.FindAsync("bench", id, ct))!))).AllowAnonymous();
    }

    public static async Task CaptureAsync(HttpClient client, Guid id)
    {
        s_view = await client.GetFromJsonAsync<EnvironmentView>($"/v1/environments/{id}", PreviewsBenchmark.Json);
    }

    /// <summary>Measured before the headline ratio (which they also warm up), printed after it.</summary>
    public static async Task<List<string>> MeasureAsync(HttpClient client, Guid id, TimeSpan duration, int concurrency)
    {
        var lines = new List<string>();
        var stages = new[]
        {
            ("+ authentication", "/stage/auth"),
            ("+ EF Core LINQ read", $"/stage/ef/{id}"),
            ("+ prepared Npgsql read", $"/stage/read/{id}"),
            ("+ cached read", $"/stage/cached/{id}"),
        };
        foreach (var (label, path) in stages)
        {
            var (stage, bare) = await ReadRatio.MeasureAsync(client, path, "/bare", duration, concurrency);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  stage bare {label,-24} {stage.Rate,9:0} req/s ({stage.Rate / bare.Rate:0.00}x bare), {stage.Latency.Describe()}"));
        }

        return lines;
    }
}
