using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Environments;

/// <summary>The create's two round trips on PostgreSQL: one transaction, exact under concurrency, quiet towards listeners.</summary>
public sealed class PostgresCreateTests
{
    private static readonly Dictionary<string, string?> s_noWorker = new() { ["Previews:Worker:Enabled"] = "false" };

    [Fact]
    public async Task Create_WriteFailsInsideTheBatch_NothingHalfAppliedAndTeamUnblocked()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: s_noWorker);
        var admin = await server.ClientForAsync("ops", admin: true);
        var alpha = await server.ClientForAsync("alpha");
        await PreviewsServer.CreateAsync(alpha, "first");
        // The operation's first event is the fourth write of the second round trip: the head, the audit row, the
        // environment and the operation are already written when it fails.
        await server.Database.ExecuteAsync("""
            CREATE FUNCTION fail_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$;
            CREATE TRIGGER fail_event BEFORE INSERT ON "OperationEvents" FOR EACH ROW EXECUTE FUNCTION fail_event();
            """);

        var failed = await alpha.PostAsJsonAsync("/v1/environments", new { name = "second", gitRef = "main", size = "small" });
        await server.Database.ExecuteAsync("""DROP TRIGGER fail_event ON "OperationEvents"; DROP FUNCTION fail_event();""");
        var after = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => PreviewsServer.CreateAsync(alpha, $"after-{i}")));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        await using var db = await server.DbAsync();
        Assert.False(await db.Environments.AnyAsync(e => e.Name == "second"));
        Assert.Equal(9, await db.Environments.CountAsync());
        Assert.Equal(9, await db.Operations.CountAsync());
        Assert.Equal(9, await db.OperationEvents.CountAsync());
        var positions = await db.AuditEntries.Where(a => a.Team == "alpha").OrderBy(a => a.ChainSequence).Select(a => a.ChainSequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), positions);
        Assert.Equal(9, (await db.AuditChainHeads.SingleAsync(h => h.Team == "alpha")).LastSequence);
        Assert.Equal(8, after.Select(a => a.Environment.Id).Distinct().Count());
        var verify = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);
        Assert.True(verify!.Valid, verify.Problem);
    }

    [Fact]
    public async Task Create_ClientGoneWhileWaitingForTheTeam_NothingWrittenAndHeadReleased()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: s_noWorker);
        var alpha = await server.ClientForAsync("alpha");
        await PreviewsServer.CreateAsync(alpha, "first");
        await using var holder = new NpgsqlConnection(server.Database.ConnectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var lockHead = new NpgsqlCommand("""SELECT 1 FROM "AuditChainHeads" WHERE "Team" = 'alpha' FOR UPDATE""", holder, held))
        {
            await lockHead.ExecuteScalarAsync();
        }

        using var gone = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var abandoned = await Record.ExceptionAsync(() =>
            alpha.PostAsJsonAsync("/v1/environments", new { name = "abandoned", gitRef = "main", size = "small" }, gone.Token));
        // The server sees the client go, cancels the statement waiting on the head and rolls the transaction back.
        await Task.Delay(1000);
        await held.CommitAsync();
        var next = await PreviewsServer.CreateAsync(alpha, "next").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.IsAssignableFrom<OperationCanceledException>(abandoned);
        await using var db = await server.DbAsync();
        Assert.False(await db.Environments.AnyAsync(e => e.Name == "abandoned"));
        Assert.Equal(["first", "next"], await db.Environments.OrderBy(e => e.CreatedAt).ThenBy(e => e.Name).Select(e => e.Name).ToListAsync());
        Assert.Equal(2, (await db.AuditChainHeads.SingleAsync(h => h.Team == "alpha")).LastSequence);
        Assert.Equal(next.Environment.Id, (await db.AuditEntries.SingleAsync(a => a.Team == "alpha" && a.ChainSequence == 2)).EnvironmentId);
        Assert.Equal(0, await server.Database.ScalarAsync("""SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction' AND datname = current_database()"""));
    }

    [Fact]
    public async Task Create_DatabaseCutMidway_503ThenTheTeamsNextCreatesGoThrough()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres");
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new TcpProxy(new IPEndPoint((await Dns.GetHostAddressesAsync(target.Host!))[0], target.Port));
        await using var server = await PreviewsServer.StartReplicaAsync(database, database.ConnectionStringThrough(proxy.Port), new ControllableEngine(), s_noWorker);
        var alpha = await server.ClientForAsync("alpha");
        await PreviewsServer.CreateAsync(alpha, "first");

        proxy.Cut();
        var during = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            alpha.PostAsJsonAsync("/v1/environments", new { name = $"during-{i}", gitRef = "main", size = "small" })));
        proxy.Restore();
        // The team's queue must not stay stuck on the failed batch: its next creates commit once the database is back
        // (a pooled connection the cut broke may fail one more request before it is replaced).
        HttpResponseMessage after = null!;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            after = await alpha.PostAsJsonAsync("/v1/environments", new { name = "after", gitRef = "main", size = "small" });
            if (after.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.All(during, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.All(during, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
        await using var db = new NpgsqlConnection(database.ConnectionString);
        await db.OpenAsync();
        await using var names = new NpgsqlCommand("""SELECT string_agg("Name", ',' ORDER BY "Name") FROM "Environments" """, db);
        Assert.Equal("after,first", await names.ExecuteScalarAsync());
        await using var head = new NpgsqlCommand("""SELECT "LastSequence" FROM "AuditChainHeads" WHERE "Team" = 'alpha'""", db);
        Assert.Equal(2L, await head.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Create_ThirtyTwoConcurrentInOneTeam_QuotaExactAndChainInOrder()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: new() { ["Previews:Worker:Enabled"] = "false", ["Previews:Quotas:MaxEnvironments"] = "20" });
        var admin = await server.ClientForAsync("ops", admin: true);
        var alpha = await server.ClientForAsync("alpha");

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            alpha.PostAsJsonAsync("/v1/environments", new { name = $"env-{i % 28}", gitRef = "main", size = "small" })));

        // Four names are sent twice: at most one of each pair is accepted; the quota takes the rest.
        Assert.Equal(20, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(12, responses.Count(r => r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict));
        await using var db = await server.DbAsync();
        Assert.Equal(20, await db.Environments.CountAsync(e => e.Team == "alpha"));
        Assert.Equal(20, await db.Environments.Select(e => e.Name).Distinct().CountAsync());
        Assert.Equal(32, (await db.AuditChainHeads.SingleAsync(h => h.Team == "alpha")).LastSequence);
        var verify = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);
        Assert.True(verify!.Valid, verify.Problem);
    }

    [Fact]
    public async Task Create_ManyWhileTheTeamIsBusy_ShareATransactionDecidedInArrivalOrder()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: new() { ["Previews:Worker:Enabled"] = "false", ["Previews:Quotas:MaxEnvironments"] = "100" });
        var admin = await server.ClientForAsync("ops", admin: true);
        var alpha = await server.ClientForAsync("alpha");
        await PreviewsServer.CreateAsync(alpha, "first");
        await using var holder = new NpgsqlConnection(server.Database.ConnectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var lockHead = new NpgsqlCommand("""SELECT 1 FROM "AuditChainHeads" WHERE "Team" = 'alpha' FOR UPDATE""", holder, held))
        {
            await lockHead.ExecuteScalarAsync();
        }

        HttpRequestMessage Keyed() => new(HttpMethod.Post, "/v1/environments")
        {
            Headers = { { "Idempotency-Key", "once" } },
            Content = JsonContent.Create(new { name = "keyed", gitRef = "main", size = "small" }),
        };
        var plain = Enumerable.Range(0, 20).Select(i => alpha.PostAsJsonAsync("/v1/environments", new { name = $"env-{i}", gitRef = "main", size = "small" }));
        var twice = Enumerable.Range(0, 2).Select(_ => alpha.PostAsJsonAsync("/v1/environments", new { name = "env-3", gitRef = "main", size = "small" }));
        var keyed = Enumerable.Range(0, 2).Select(_ => alpha.SendAsync(Keyed()));
        var all = Task.WhenAll(plain.Concat(twice).Concat(keyed));
        // Every create reaches the queue while the first one waits for the head the test holds.
        await Task.Delay(3000);
        await held.CommitAsync();
        var responses = await all;

        var named = responses.Take(22).ToList();
        var replies = responses.Skip(22).ToList();
        Assert.Equal(20, named.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(2, named.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.All(replies, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Single(replies, r => r.Headers.Contains("Idempotent-Replayed"));
        await using var db = await server.DbAsync();
        Assert.Equal(1, await db.Environments.CountAsync(e => e.Name == "keyed"));
        Assert.Equal(22, await db.Environments.CountAsync());
        // The first create's transaction waited on the test's lock; everything that queued behind it shared one.
        var transactions = await server.Database.ScalarAsync("""SELECT count(DISTINCT xmin::text) FROM "Environments" WHERE "Name" <> 'first'""");
        Assert.InRange(transactions, 1, 2);
        var verify = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);
        Assert.True(verify!.Valid, verify.Problem);
    }

    [Fact]
    public async Task Create_NoNoticeToListeners_ChangesStillNotify()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: s_noWorker);
        var alpha = await server.ClientForAsync("alpha");
        await using var listener = new NpgsqlConnection(server.Database.ConnectionString);
        await listener.OpenAsync();
        var heard = new List<string>();
        listener.Notification += (_, e) => { lock (heard) { heard.Add(e.Channel); } };
        await using (var listen = new NpgsqlCommand("LISTEN previews_environments; LISTEN previews_operation_events", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var created = await PreviewsServer.CreateAsync(alpha, "quiet");
        var silentAfterCreate = await HeardAsync(listener, heard);
        await alpha.PostAsJsonAsync($"/v1/environments/{created.Environment.Id}/extend", new { hours = 1 });
        var afterExtend = await HeardAsync(listener, heard);

        Assert.Empty(silentAfterCreate);
        Assert.Equal(["previews_environments"], afterExtend);
    }

    /// <summary>What arrived within half a second: notices are delivered at commit, long before that.</summary>
    private static async Task<List<string>> HeardAsync(NpgsqlConnection listener, List<string> heard)
    {
        using var window = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        try
        {
            while (true)
            {
                await listener.WaitAsync(window.Token);
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            lock (heard)
            {
                var copy = heard.ToList();
                heard.Clear();
                return copy;
            }
        }
    }
}
