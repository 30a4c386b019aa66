using Npgsql;

namespace SecureCart.Previews.Tests.Support;

/// <summary>A fresh database per test: a new PostgreSQL database on the server CI starts, or a new SQLite file.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SECURECART_TEST_POSTGRES";

    private readonly string? _adminConnection;
    private readonly string? _databaseName;
    private readonly string? _sqlitePath;

    private TestDatabase(string provider, string connectionString, string? adminConnection, string? databaseName, string? sqlitePath)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
        _sqlitePath = sqlitePath;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public bool IsPostgres => Provider == "Postgres";

    /// <summary>The same database reached through 127.0.0.1:<paramref name="port"/>, with short timeouts so an outage shows fast.</summary>
    public string ConnectionStringThrough(int port) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = port, Timeout = 2, CommandTimeout = 5, CancellationTimeout = 500 }.ConnectionString;

    /// <summary>Runs one PostgreSQL statement (or several, separated by semicolons) on its own connection.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row of a PostgreSQL query that returns a bigint (a count).</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == "Sqlite")
        {
            var path = Path.Combine(Path.GetTempPath(), $"previews-test-{Guid.NewGuid():N}.db");
            return new TestDatabase("Sqlite", $"Data Source={path};Pooling=False", null, null, path);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(admin))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. These tests need a real PostgreSQL: run them through eng/test.sh (which starts one), or start a server and set e.g. " +
                $"{PostgresVariable}=\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".");
        }

        var name = $"previews_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 60 };
        return new TestDatabase("Postgres", builder.ConnectionString, admin, name, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                File.Delete(file);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
