using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Environments;

/// <summary>The replica's creates of several teams in one transaction on PostgreSQL: each team exact, no deadlock, all or nothing.</summary>
public sealed class CreateQueueTests
{
    private static readonly string[] s_teams = ["alpha", "beta", "delta", "gamma"];

    [Fact]
    public async Task Create_FourTeamsQueuedTogether_OneTransactionEachTeamsQuotaNamesAndChainExact()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: new() { ["Previews:Worker:Enabled"] = "false", ["Previews:Quotas:MaxEnvironments"] = "5" });
        var admin = await server.ClientForAsync("ops", admin: true);
        var opener = await server.ClientForAsync("opener");
        var clients = await TeamsWithOneEnvironmentAsync(server);

        await using var holder = await HoldHeadsAsync(server);
        var opening = PreviewsServer.CreateAsync(opener, "opens-the-line");
        // The opener's transaction now waits for the test's table lock; every create below queues behind it.
        await Task.Delay(500);
        // Per team: six new names, one of them twice, and the name of its live environment; quota 5 with one live.
        var sent = s_teams.SelectMany(team => new[] { "env-a", "env-b", "env-c", "env-d", "env-e", "env-f", "env-a", "existing" }
            .Select(name => (Team: team, Response: clients[team].PostAsJsonAsync("/v1/environments", new { name, gitRef = "main", size = "small" })))).ToList();
        await Task.Delay(3000);
        await holder.DisposeAsync();
        await opening;
        var responses = await Task.WhenAll(sent.Select(s => s.Response));

        await using var db = await server.DbAsync();
        foreach (var team in s_teams)
        {
            var mine = responses.Where((_, i) => sent[i].Team == team).ToList();
            Assert.True(4 == mine.Count(r => r.StatusCode == HttpStatusCode.Accepted), $"{team}: {string.Join(", ", mine.Select(r => r.StatusCode))}");
            Assert.Equal(4, mine.Count(r => r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict));
            var names = await db.Environments.Where(e => e.Team == team).Select(e => e.Name).ToListAsync();
            Assert.Equal(5, names.Count);
            Assert.Equal(5, names.Distinct().Count());
            // One position per request: the existing create, four accepted and four refused.
            Assert.Equal(9, (await db.AuditChainHeads.SingleAsync(h => h.Team == team)).LastSequence);
        }

        var transactions = await server.Database.ScalarAsync("""SELECT count(DISTINCT xmin::text) FROM "Environments" WHERE "Team" <> 'opener' AND "Name" <> 'existing'""");
        Assert.Equal(1L, transactions);
        var verify = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);
        Assert.True(verify!.Valid, verify.Problem);
        Assert.Equal(5, verify.Chains);
    }

    [Fact]
    public async Task Create_TwoReplicasMixedTeamsAtOnce_NoDeadlockQuotasExactChainsVerify()
    {
        var settings = new Dictionary<string, string?> { ["Previews:Worker:Enabled"] = "false", ["Previews:Quotas:MaxEnvironments"] = "20" };
        await using var first = await PreviewsServer.StartAsync("Postgres", settings: settings);
        await using var second = await PreviewsServer.StartReplicaAsync(first.Database, first.Time, settings);
        var admin = await first.ClientForAsync("ops", admin: true);
        var clients = new List<(string Team, HttpClient Client)>();
        foreach (var team in s_teams)
        {
            clients.Add((team, await first.ClientForAsync(team)));
            clients.Add((team, await second.ClientForAsync(team)));
        }

        // Three rounds of 32 creates, 8 per team on each round split over the two replicas, every head new in the first.
        var responses = new List<(string Team, HttpStatusCode Status)>();
        for (var round = 0; round < 3; round++)
        {
            var sent = Enumerable.Range(0, 32).Select(i =>
            {
                var (team, client) = clients[i % clients.Count];
                return (Team: team, Response: client.PostAsJsonAsync("/v1/environments", new { name = $"r{round}-{i}", gitRef = "main", size = "small" }));
            }).ToList();
            var done = await Task.WhenAll(sent.Select(s => s.Response)).WaitAsync(TimeSpan.FromSeconds(60));
            responses.AddRange(done.Select((r, i) => (sent[i].Team, r.StatusCode)));
        }

        Assert.All(responses, r => Assert.True(r.Status is HttpStatusCode.Accepted or HttpStatusCode.Forbidden, $"{r.Team}: {r.Status}"));
        await using var db = await first.DbAsync();
        foreach (var team in s_teams)
        {
            Assert.Equal(20, responses.Count(r => r.Team == team && r.Status == HttpStatusCode.Accepted));
            Assert.Equal(20, await db.Environments.CountAsync(e => e.Team == team));
            Assert.Equal(24, (await db.AuditChainHeads.SingleAsync(h => h.Team == team)).LastSequence);
        }

        var verify = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);
        Assert.True(verify!.Valid, verify.Problem);
        Assert.Equal(4, verify.Chains);
    }

    [Fact]
    public async Task Create_OneWriteFailsInAMixedBatch_NothingCommittedForAnyTeamThenAllGoThrough()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: new() { ["Previews:Worker:Enabled"] = "false" });
        var admin = await server.ClientForAsync("ops", admin: true);
        var opener = await server.ClientForAsync("opener");
        var clients = await TeamsWithOneEnvironmentAsync(server);

        // The last team's environment fails to insert, after the other teams' rows of the batch were written.
        await server.Database.ExecuteAsync("""
            CREATE FUNCTION fail_poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW."Name" = 'poison' THEN RAISE EXCEPTION 'disk full (test)'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER fail_poison BEFORE INSERT ON "Environments" FOR EACH ROW EXECUTE FUNCTION fail_poison();
            """);
        await using var holder = await HoldHeadsAsync(server);
        var opening = PreviewsServer.CreateAsync(opener, "opens-the-line");
        await Task.Delay(500);
        var sent = new List<Task<HttpResponseMessage>>();
        foreach (var team in s_teams)
        {
            sent.Add(clients[team].PostAsJsonAsync("/v1/environments", new { name = "fine", gitRef = "main", size = "small" }));
            await Task.Delay(50);
        }

        sent.Add(clients["gamma"].PostAsJsonAsync("/v1/environments", new { name = "poison", gitRef = "main", size = "small" }));
        await Task.Delay(2000);
        await holder.DisposeAsync();
        await opening;
        var failed = await Task.WhenAll(sent);
        await server.Database.ExecuteAsync("""DROP TRIGGER fail_poison ON "Environments"; DROP FUNCTION fail_poison();""");
        var after = await Task.WhenAll(s_teams.Select(team => PreviewsServer.CreateAsync(clients[team], "after")));

        Assert.All(failed, r => Assert.Equal(HttpStatusCode.InternalServerError, r.StatusCode));
        await using var db = await server.DbAsync();
        Assert.False(await db.Environments.AnyAsync(e => e.Name == "fine" || e.Name == "poison"));
        Assert.Equal(0, await db.Operations.CountAsync(o => db.Environments.All(e => e.Id != o.EnvironmentId)));
        foreach (var team in s_teams)
        {
            var positions = await db.AuditEntries.Where(a => a.Team == team).OrderBy(a => a.ChainSequence).Select(a => a.ChainSequence).ToListAsync();
            Assert.Equal([1L, 2L], positions);
            Assert.Equal(2, (await db.AuditChainHeads.SingleAsync(h => h.Team == team)).LastSequence);
        }

        Assert.Equal(4, after.Select(a => a.Environment.Id).Distinct().Count());
        Assert.Equal(0L, await server.Database.ScalarAsync("""SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction' AND datname = current_database()"""));
        var verify = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);
        Assert.True(verify!.Valid, verify.Problem);
    }

    /// <summary>
    /// Blocks every write to the chain heads (a shared table lock) until disposed, so the replica's first create waits
    /// inside its transaction and the creates sent meanwhile all queue for the next one.
    /// </summary>
    // A client per team, each team with an environment already, so every head exists before the test's creates.
    private static async Task<Dictionary<string, HttpClient>> TeamsWithOneEnvironmentAsync(PreviewsServer server)
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var team in s_teams)
        {
            clients[team] = await server.ClientForAsync(team);
            await PreviewsServer.CreateAsync(clients[team], "existing");
        }

        return clients;
    }

    private static async Task<NpgsqlConnection> HoldHeadsAsync(PreviewsServer server)
    {
        var holder = new NpgsqlConnection(server.Database.ConnectionString);
        await holder.OpenAsync();
        await using var hold = new NpgsqlCommand("""BEGIN; LOCK TABLE "AuditChainHeads" IN SHARE MODE""", holder);
        await hold.ExecuteNonQueryAsync();
        return holder;
    }
}
