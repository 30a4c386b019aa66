using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SecureCart.Platform.Plan.Previews;
using SecureCart.Previews.Databases;
using SecureCart.Previews.Options;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Databases;

/// <summary>A preview's database and role on a real PostgreSQL server: create, isolation, drop, re-runs and crashes between steps.</summary>
public sealed class PreviewDatabasesTests : IAsyncLifetime
{
    private const string Key = "test-database-password-key-0123456789abcdef";
    private readonly List<string> _created = [];

    private static string Admin => Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable) is { Length: > 0 } admin
        ? admin
        : throw new InvalidOperationException($"{TestDatabase.PostgresVariable} is not set: these tests need a real PostgreSQL (eng/test.sh starts one).");

    [Fact]
    public async Task Ensure_CreatesDatabaseOwnedByItsRole_WhichConnectsOnlyThere()
    {
        var databases = Databases();
        var mine = Plan("mine");
        var theirs = Plan("theirs");

        var credentials = await databases.EnsureAsync(mine, CancellationToken.None);
        await databases.EnsureAsync(theirs, CancellationToken.None);

        Assert.Equal((mine.Name, mine.Name, databases.PasswordFor(mine.Name)), (credentials.Name, credentials.User, credentials.Password));
        Assert.Equal(mine.Name, await ScalarAsync(Admin, "SELECT pg_get_userbyid(datdba)::text FROM pg_database WHERE datname = $1", mine.Name));
        Assert.Equal(true, await ScalarAsync(Admin, "SELECT rolcanlogin AND NOT rolsuper AND NOT rolcreatedb AND NOT rolcreaterole FROM pg_roles WHERE rolname = $1", mine.Name));
        Assert.StartsWith("SCRAM-SHA-256$", (string)(await ScalarAsync(Admin, "SELECT rolpassword FROM pg_authid WHERE rolname = $1", mine.Name))!, StringComparison.Ordinal);
        Assert.Equal(mine.Name, await ScalarAsync(As(mine.Name, credentials.Password, mine.Name), "SELECT current_database()"));
        await AssertRefusedAsync(As(mine.Name, credentials.Password, theirs.Name));
        await AssertRefusedAsync(As(mine.Name, credentials.Password, new NpgsqlConnectionStringBuilder(Admin).Database!));
        await AssertRefusedAsync(As(theirs.Name, databases.PasswordFor(theirs.Name), mine.Name));
    }

    [Fact]
    public async Task Ensure_RunTwice_SameDatabaseAndSamePassword()
    {
        var databases = Databases();
        var plan = Plan("twice");

        var first = await databases.EnsureAsync(plan, CancellationToken.None);
        await ExecuteAsync(As(plan.Name, first.Password, plan.Name), "CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)");
        var second = await databases.EnsureAsync(plan, CancellationToken.None);

        Assert.Equal(first.Password, second.Password);
        Assert.Equal(1L, await ScalarAsync(As(plan.Name, second.Password, plan.Name), "SELECT count(*) FROM kept"));
        Assert.NotEqual(first.Password, Databases().PasswordFor(Plan("other").Name));
    }

    [Fact]
    public async Task Ensure_CrashAfterRole_RerunCreatesDatabase()
    {
        var crashing = Databases();
        crashing.AfterStep = (step, _) => step == "role-ready" ? throw new TimeoutException("worker died") : Task.CompletedTask;
        var plan = Plan("halfway");

        await Assert.ThrowsAsync<TimeoutException>(() => crashing.EnsureAsync(plan, CancellationToken.None));
        Assert.Equal(1L, await ScalarAsync(Admin, "SELECT count(*) FROM pg_roles WHERE rolname = $1", plan.Name));
        Assert.Equal(0L, await ScalarAsync(Admin, "SELECT count(*) FROM pg_database WHERE datname = $1", plan.Name));

        var credentials = await Databases().EnsureAsync(plan, CancellationToken.None);

        Assert.Equal(plan.Name, await ScalarAsync(As(plan.Name, credentials.Password, plan.Name), "SELECT current_database()"));
    }

    [Fact]
    public async Task Drop_WithSessionOpen_TerminatesItAndRemovesDatabaseAndRole()
    {
        var databases = Databases();
        var plan = Plan("busy");
        var credentials = await databases.EnsureAsync(plan, CancellationToken.None);
        await using var session = new NpgsqlConnection(As(plan.Name, credentials.Password, plan.Name));
        await session.OpenAsync();

        await databases.DropAsync(plan.Name, CancellationToken.None);

        Assert.Equal(0L, await ScalarAsync(Admin, "SELECT count(*) FROM pg_database WHERE datname = $1", plan.Name));
        Assert.Equal(0L, await ScalarAsync(Admin, "SELECT count(*) FROM pg_roles WHERE rolname = $1", plan.Name));
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var command = new NpgsqlCommand("SELECT 1", session);
            await command.ExecuteScalarAsync();
        });
        await databases.DropAsync(plan.Name, CancellationToken.None);
    }

    [Theory]
    [InlineData("logins-off")]
    [InlineData("database-dropped")]
    public async Task Drop_CrashBetweenSteps_NoLoginMeanwhileAndRerunFinishes(string crashAfter)
    {
        var plan = Plan($"crash-{crashAfter.Length}");
        var credentials = await Databases().EnsureAsync(plan, CancellationToken.None);
        var crashing = Databases();
        crashing.AfterStep = (step, _) => step == crashAfter ? throw new TimeoutException("worker died") : Task.CompletedTask;

        await Assert.ThrowsAsync<TimeoutException>(() => crashing.DropAsync(plan.Name, CancellationToken.None));

        // In between, the role exists but cannot log in: nothing reaches a database that is on its way out.
        Assert.Equal(false, await ScalarAsync(Admin, "SELECT rolcanlogin FROM pg_roles WHERE rolname = $1", plan.Name));
        await AssertRefusedAsync(As(plan.Name, credentials.Password, plan.Name));

        await Databases().DropAsync(plan.Name, CancellationToken.None);

        Assert.Equal(0L, await ScalarAsync(Admin, "SELECT count(*) FROM pg_database WHERE datname = $1", plan.Name));
        Assert.Equal(0L, await ScalarAsync(Admin, "SELECT count(*) FROM pg_roles WHERE rolname = $1", plan.Name));
    }

    [Fact]
    public async Task Drop_NameNotPlanned_RefusedBeforeAnySql()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Databases().DropAsync("postgres\"; DROP ROLE postgres; --", CancellationToken.None));

        Assert.Contains("not a preview database name", error.Message, StringComparison.Ordinal);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var name in _created)
        {
            await Databases().DropAsync(name, CancellationToken.None);
        }
    }

    internal static PreviewDatabases Databases() => new(
        Microsoft.Extensions.Options.Options.Create(new PreviewDatabaseOptions { AdminConnectionString = Admin, PasswordKey = Key }),
        NullLogger<PreviewDatabases>.Instance);

    private PreviewDatabasePlan Plan(string environment)
    {
        var plan = PreviewDatabasePlan.For($"t{Guid.NewGuid():N}"[..12], environment, 5432);
        _created.Add(plan.Name);
        return plan;
    }

    private static string As(string user, string password, string database) =>
        new NpgsqlConnectionStringBuilder(Admin) { Username = user, Password = password, Database = database, Pooling = false }.ConnectionString;

    private static async Task AssertRefusedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        // 42501: permission denied for database (no CONNECT); 28000: role is not permitted to log in.
        Assert.Contains(error.SqlState, new[] { "42501", "28000" });
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
