using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using SecureCart.Platform.Plan.Previews;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.Databases;

/// <summary>
/// Creates and drops a preview's database and login role in the shared base instance over an admin connection.
/// Every step is idempotent and each is one atomic statement, so a crash between two steps leaves a state the
/// same call completes when it runs again; the environment is marked ready or destroyed only after it returned.
/// </summary>
internal sealed partial class PreviewDatabases(IOptions<PreviewDatabaseOptions> options, ILogger<PreviewDatabases> logger)
{
    // PostgreSQL error codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
    private const string DuplicateObject = "42710";
    private const string DuplicateDatabase = "42P04";

    /// <summary>Test seam: runs after each named step, so a test can stop the work between two of them.</summary>
    internal Func<string, CancellationToken, Task>? AfterStep { get; set; }

    /// <summary>The role's password: the same for the same name on every call, unknown without the key.</summary>
    public string PasswordFor(string name)
    {
        var key = Encoding.UTF8.GetBytes(options.Value.PasswordKey ?? throw new InvalidOperationException($"{PreviewDatabaseOptions.Section}:PasswordKey is not set"));
        return Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"preview-database:{name}")));
    }

    /// <summary>
    /// Role (LOGIN, derived password), then its database owned by it, then CONNECT for nobody else: afterwards the
    /// role reaches its own database only, and no other role without admin rights reaches it.
    /// </summary>
    public async Task<EngineDatabase> EnsureAsync(PreviewDatabasePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var name = Identifier(plan.Name);
        var password = PasswordFor(plan.Name);
        await using var connection = await OpenAsync(cancellationToken);

        if (await ExistsAsync(connection, "SELECT 1 FROM pg_roles WHERE rolname = $1", plan.Name, cancellationToken))
        {
            await ExecuteAsync(connection, $"ALTER ROLE {name} WITH LOGIN PASSWORD {Literal(password)}", cancellationToken);
        }
        else
        {
            try
            {
                await ExecuteAsync(connection, $"CREATE ROLE {name} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {Literal(password)}", cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == DuplicateObject)
            {
                // Created by a concurrent attempt since the check: set the password all the same.
                await ExecuteAsync(connection, $"ALTER ROLE {name} WITH LOGIN PASSWORD {Literal(password)}", cancellationToken);
            }
        }

        await StepAsync("role-ready", cancellationToken);
        if (!await ExistsAsync(connection, "SELECT 1 FROM pg_database WHERE datname = $1", plan.Name, cancellationToken))
        {
            try
            {
                await ExecuteAsync(connection, $"CREATE DATABASE {name} OWNER {name}", cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == DuplicateDatabase)
            {
                // Created by a concurrent attempt since the check.
            }
        }

        await StepAsync("database-ready", cancellationToken);
        // Every database allows CONNECT to PUBLIC by default: closing this one keeps other previews out of it, and
        // closing the admin database keeps previews out of that one (their owners keep their own rights).
        await ExecuteAsync(connection, $"REVOKE CONNECT, TEMPORARY ON DATABASE {name} FROM PUBLIC", cancellationToken);
        var adminDatabase = await ScalarAsync(connection, "SELECT current_database()", cancellationToken);
        await ExecuteAsync(connection, $"REVOKE CONNECT ON DATABASE {Quote(adminDatabase)} FROM PUBLIC", cancellationToken);
        LogEnsured(logger, plan.Name);
        return new EngineDatabase(plan.Name, password, plan.Port);
    }

    /// <summary>
    /// Logins off, the database dropped (its sessions terminated first), then the role. Run again after a failure
    /// at any point, it finishes the job; it never leaves a role that can log in to a half-removed database.
    /// </summary>
    public async Task DropAsync(string databaseName, CancellationToken cancellationToken)
    {
        var name = Identifier(databaseName);
        await using var connection = await OpenAsync(cancellationToken);
        var roleExists = await ExistsAsync(connection, "SELECT 1 FROM pg_roles WHERE rolname = $1", databaseName, cancellationToken);
        if (roleExists)
        {
            await ExecuteAsync(connection, $"ALTER ROLE {name} WITH NOLOGIN", cancellationToken);
        }

        await StepAsync("logins-off", cancellationToken);
        await using (var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", connection))
        {
            terminate.Parameters.Add(new NpgsqlParameter { Value = databaseName });
            await terminate.ExecuteScalarAsync(cancellationToken);
        }

        // FORCE also ends sessions that connected between the two statements (PostgreSQL 13 or later).
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", cancellationToken);
        await StepAsync("database-dropped", cancellationToken);
        await ExecuteAsync(connection, $"DROP ROLE IF EXISTS {name}", cancellationToken);
        LogDropped(logger, databaseName);
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var builder = new NpgsqlConnectionStringBuilder(settings.AdminConnectionString) { CommandTimeout = settings.CommandTimeoutSeconds };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task StepAsync(string step, CancellationToken cancellationToken)
    {
        if (AfterStep is { } hook)
        {
            await hook(step, cancellationToken);
        }
    }

    /// <summary>Only names the planner makes are quoted into DDL (which takes no parameters); anything else is refused.</summary>
    private static string Identifier(string name) =>
        PreviewDatabasePlan.IsValidName(name)
            ? Quote(name)
            : throw new ArgumentException($"'{name}' is not a preview database name (pv_ followed by lower-case letters, digits or underscores, at most {PreviewDatabasePlan.MaxIdentifierLength} characters)", nameof(name));

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql, string value, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 2610, Level = LogLevel.Information, Message = "Preview database {Database} and its role are ready")]
    private static partial void LogEnsured(ILogger logger, string database);

    [LoggerMessage(EventId = 2611, Level = LogLevel.Information, Message = "Preview database {Database} and its role are dropped")]
    private static partial void LogDropped(ILogger logger, string database);
}
