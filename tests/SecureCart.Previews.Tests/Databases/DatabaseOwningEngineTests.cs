using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SecureCart.Previews.Api;
using SecureCart.Previews.Databases;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Databases;

/// <summary>The service end to end on PostgreSQL: the database exists before `up` sees it, and is gone only after a destroy that finished.</summary>
public sealed class DatabaseOwningEngineTests
{
    private static Dictionary<string, string?> Settings => new()
    {
        ["Previews:Database:AdminConnectionString"] = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable),
        ["Previews:Database:PasswordKey"] = "service-test-password-key-0123456789abcdef",
    };

    [Fact]
    public async Task Create_DatabaseReadyBeforeUp_DestroyDropsItAfterTheStack()
    {
        var engine = new RecordingEngine();
        await using var server = await PreviewsServer.StartAsync("Postgres", engine, Settings);
        var client = await server.ClientForAsync($"t{Guid.NewGuid():N}"[..10]);

        var created = await PreviewsServer.CreateAsync(client, "owned");
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Ready");

        var database = Assert.IsType<EngineDatabase>(engine.UpDatabase);
        Assert.True(engine.DatabaseExistedAtUp);
        Assert.DoesNotContain(database.Password, database.ToString(), StringComparison.Ordinal);
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM pg_database WHERE datname = $1", database.Name));

        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync($"/v1/environments/{created.Environment.Id}", TestContext.Current.CancellationToken)).StatusCode);
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Destroyed");

        Assert.True(engine.DatabaseExistedAtDestroy);
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM pg_database WHERE datname = $1", database.Name));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM pg_roles WHERE rolname = $1", database.Name));
    }

    [Fact]
    public async Task Destroy_DropFailsPartway_EnvironmentFailedAndAnotherDeleteFinishes()
    {
        var engine = new RecordingEngine();
        await using var server = await PreviewsServer.StartAsync("Postgres", engine, Settings);
        var client = await server.ClientForAsync($"t{Guid.NewGuid():N}"[..10]);
        var created = await PreviewsServer.CreateAsync(client, "flaky");
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Ready");
        var name = engine.UpDatabase!.Name;
        var databases = server.Services.GetRequiredService<PreviewDatabases>();
        databases.AfterStep = (step, _) => step == "database-dropped" ? throw new NpgsqlException("connection to the base instance lost") : Task.CompletedTask;

        await client.DeleteAsync($"/v1/environments/{created.Environment.Id}", TestContext.Current.CancellationToken);
        var failed = await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Failed");

        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM pg_database WHERE datname = $1", name));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM pg_roles WHERE rolname = $1 AND NOT rolcanlogin", name));
        Assert.Contains("connection to the base instance lost", failed.StatusReason ?? (await client.GetFromJsonAsync<OperationView>($"/v1/operations/{failed.LastOperationId}", PreviewsServer.Json, TestContext.Current.CancellationToken))!.Error, StringComparison.Ordinal);

        databases.AfterStep = null;
        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync($"/v1/environments/{created.Environment.Id}", TestContext.Current.CancellationToken)).StatusCode);
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Destroyed");

        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM pg_roles WHERE rolname = $1", name));
    }

    [Fact]
    public async Task PlanOnlyEngine_GetsNoDatabase()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: Settings);

        Assert.IsType<PlanOnlyEngine>(server.Services.GetRequiredService<IPreviewEngine>());
    }

    [Fact]
    public async Task Start_AdminConnectionWithoutPasswordKey_RefusedWithWhatToSet()
    {
        var settings = Settings;
        settings["Previews:Database:PasswordKey"] = "short";

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => PreviewsServer.StartAsync("Sqlite", new RecordingEngine(), settings));

        Assert.Contains("Previews:Database:PasswordKey must be at least 32 characters", error.Message, StringComparison.Ordinal);
    }

    private static async Task<long> CountAsync(string sql, string value)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Succeeds at once, and notes what it was given and whether the database existed at that moment.</summary>
    private sealed class RecordingEngine : IPreviewEngine
    {
        public string Name => "recording";

        public bool CreatesResources => true;

        public EngineDatabase? UpDatabase { get; private set; }

        public bool DatabaseExistedAtUp { get; private set; }

        public bool DatabaseExistedAtDestroy { get; private set; }

        public async Task<EngineResult> UpAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
        {
            UpDatabase = request.Database;
            DatabaseExistedAtUp = request.Database is { } db && await CountAsync("SELECT count(*) FROM pg_database WHERE datname = $1", db.Name) == 1;
            return new EngineResult(System.Collections.Immutable.ImmutableDictionary<string, string>.Empty, "up");
        }

        public async Task<EngineResult> DestroyAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
        {
            DatabaseExistedAtDestroy = UpDatabase is { } db && await CountAsync("SELECT count(*) FROM pg_database WHERE datname = $1", db.Name) == 1;
            return new EngineResult(System.Collections.Immutable.ImmutableDictionary<string, string>.Empty, "destroyed");
        }

        public Task CancelAsync(EngineRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
