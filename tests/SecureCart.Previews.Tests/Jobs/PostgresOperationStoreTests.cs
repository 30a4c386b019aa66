using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Jobs;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Jobs;

/// <summary>The worker's one-statement claim and two-round-trip completion on PostgreSQL: exact under races, all or nothing.</summary>
public sealed class PostgresOperationStoreTests
{
    private static readonly Dictionary<string, string?> s_noWorker = new() { ["Previews:Worker:Enabled"] = "false" };

    [Fact]
    public async Task Claim_EightWorkersAtOnce_EachOperationTakenOnceWithOneClaimedEvent()
    {
        var settings = new Dictionary<string, string?>(s_noWorker) { ["Previews:Quotas:MaxEnvironments"] = "100", ["Previews:Quotas:MaxMonthlyCost"] = "100000" };
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: settings);
        var alpha = await server.ClientForAsync("alpha");
        var created = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => PreviewsServer.CreateAsync(alpha, $"race-{i}")));
        var queue = server.Services.GetRequiredService<OperationQueue>();
        var claims = new ConcurrentBag<OperationClaim>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            while (await queue.ClaimAsync($"w{w}", CancellationToken.None) is { } claim)
            {
                claims.Add(claim);
            }
        })));

        Assert.Equal(created.Select(c => c.Operation.Id).Order(), claims.Select(c => c.OperationId).Order());
        Assert.All(claims, c => Assert.Equal(1, c.FencingToken));
        await using var db = await server.DbAsync();
        var operations = await db.Operations.AsNoTracking().ToListAsync();
        Assert.All(operations, o => Assert.Equal(OperationStatus.Running, o.Status));
        Assert.All(claims, c => Assert.Equal(c.WorkerId, operations.Single(o => o.Id == c.OperationId).LeaseOwner));
        var claimedEvents = await db.OperationEvents.Where(e => e.Type == "claimed").ToListAsync();
        Assert.Equal(24, claimedEvents.Count);
        Assert.All(claimedEvents, e => Assert.Equal(2, e.Sequence));
        Assert.All(claims, c => Assert.Equal($"claimed by {c.WorkerId}", claimedEvents.Single(e => e.OperationId == c.OperationId).Message));
    }

    [Fact]
    public async Task ClaimStatement_EightWorkersAtOnce_NeverTheSameOperationAndNeverAFailedStatement()
    {
        var settings = new Dictionary<string, string?>(s_noWorker) { ["Previews:Quotas:MaxEnvironments"] = "100", ["Previews:Quotas:MaxMonthlyCost"] = "100000" };
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: settings);
        var alpha = await server.ClientForAsync("alpha");
        var created = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => PreviewsServer.CreateAsync(alpha, $"race-{i}")));
        // The statement alone, without the queue's fallback: a race it lost would show as an error or a second claim.
        var store = server.Services.GetRequiredService<PostgresOperationStore>();
        var now = server.Time.GetUtcNow();
        var rows = new ConcurrentBag<PostgresOperationStore.ClaimedRow>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            while (await store.ClaimAsync($"w{w}", now, now.AddMinutes(1), 3, CancellationToken.None) is { } row)
            {
                rows.Add(row);
            }
        })));

        Assert.Equal(created.Select(c => c.Operation.Id).Order(), rows.Select(r => r.OperationId).Order());
        Assert.All(rows, r => Assert.Equal((1L, 1, 2), (r.Lease!.FencingToken, r.Lease.Attempts, r.Lease.ClaimedSequence)));
        Assert.All(rows, r => Assert.Equal(created.Single(c => c.Operation.Id == r.OperationId).Environment.Name, r.Environment.Name));
    }

    [Fact]
    public async Task Complete_WriteFailsInsideTheBatch_NothingHalfAppliedAndTheRetryWritesItOnce()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: s_noWorker);
        var admin = await server.ClientForAsync("ops", admin: true);
        var alpha = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(alpha, "atomic");
        var queue = server.Services.GetRequiredService<OperationQueue>();
        var claim = (await queue.ClaimAsync("w1", CancellationToken.None))!;
        var outcome = new OperationOutcome(OperationStatus.Succeeded, "done", ImmutableDictionary<string, string>.Empty.Add("url", "https://atomic.preview.test"), null);
        // The audit row is the fourth write of the second round trip: the operation, the environment and the
        // "finished" event are already written when it fails.
        await server.Database.ExecuteAsync("""
            CREATE FUNCTION fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$;
            CREATE TRIGGER fail_audit BEFORE INSERT ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION fail_audit();
            """);

        var failure = await Assert.ThrowsAsync<PostgresException>(() => queue.CompleteAsync(claim, outcome, CancellationToken.None));
        await using (var db = await server.DbAsync())
        {
            var operation = await db.Operations.AsNoTracking().SingleAsync();
            var environment = await db.Environments.AsNoTracking().SingleAsync();
            Assert.Contains("disk full", failure.Message);
            Assert.Equal((OperationStatus.Running, claim.FencingToken, "w1"), (operation.Status, operation.FencingToken, operation.LeaseOwner));
            Assert.Null(operation.FinishedAt);
            Assert.Equal((EnvironmentStatus.Provisioning, (Guid?)operation.Id, (string?)null), (environment.Status, environment.ActiveOperationId, environment.Url));
            Assert.False(await db.OperationEvents.AnyAsync(e => e.Type == "finished"));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Actor == "engine"));
            Assert.Equal(1, (await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Team == "alpha")).LastSequence);
        }

        await server.Database.ExecuteAsync("""DROP TRIGGER fail_audit ON "AuditEntries"; DROP FUNCTION fail_audit();""");
        await queue.CompleteAsync(claim, outcome, CancellationToken.None);
        // As after a commit whose answer was lost: the same completion again changes nothing.
        await queue.CompleteAsync(claim, outcome, CancellationToken.None);

        await using (var db = await server.DbAsync())
        {
            var operation = await db.Operations.AsNoTracking().SingleAsync();
            var environment = await db.Environments.AsNoTracking().SingleAsync();
            Assert.Equal((OperationStatus.Succeeded, (string?)null, server.Time.GetUtcNow()), (operation.Status, operation.LeaseOwner, operation.FinishedAt!.Value));
            Assert.Equal((EnvironmentStatus.Ready, (Guid?)null, "https://atomic.preview.test"), (environment.Status, environment.ActiveOperationId, environment.Url));
            var finished = await db.OperationEvents.Where(e => e.Type == "finished").ToListAsync();
            Assert.Equal([(claim.FinishSequence, "succeeded: done")], finished.Select(e => (e.Sequence, e.Message)));
            var engineRows = await db.AuditEntries.Where(a => a.Actor == "engine").ToListAsync();
            Assert.Equal([("engine.up", "succeeded", created.Environment.Id, 2L)], engineRows.Select(a => (a.Action, a.Outcome, a.EnvironmentId!.Value, a.ChainSequence)));
            Assert.Equal(2, (await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Team == "alpha")).LastSequence);
        }

        var verify = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);
        Assert.True(verify!.Valid, verify.Problem);
    }

    [Fact]
    public async Task Complete_AnotherWorkerTookTheLease_LeaseLostAndNothingWritten()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: s_noWorker);
        var alpha = await server.ClientForAsync("alpha");
        await PreviewsServer.CreateAsync(alpha, "stale");
        var queue = server.Services.GetRequiredService<OperationQueue>();
        var dead = (await queue.ClaimAsync("dead", CancellationToken.None))!;
        server.Time.Advance(TimeSpan.FromSeconds(61));
        var live = (await queue.ClaimAsync("live", CancellationToken.None))!;
        var outcome = new OperationOutcome(OperationStatus.Failed, "failed", ImmutableDictionary<string, string>.Empty, "late");

        await Assert.ThrowsAsync<LeaseLostException>(() => queue.CompleteAsync(dead, outcome, CancellationToken.None));

        await using var db = await server.DbAsync();
        var operation = await db.Operations.AsNoTracking().SingleAsync();
        Assert.Equal((OperationStatus.Running, live.FencingToken, "live", 2), (operation.Status, operation.FencingToken, operation.LeaseOwner, operation.Attempts));
        Assert.False(await db.OperationEvents.AnyAsync(e => e.Type == "finished"));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Actor == "engine"));
        var claimed = await db.OperationEvents.Where(e => e.Type == "claimed").OrderBy(e => e.Sequence).Select(e => e.Message).ToListAsync();
        Assert.Equal(["claimed by dead", "lease of dead expired; resumed by live (attempt 2)"], claimed);
    }

    [Fact]
    public async Task Claim_OldestWorkerDiedTooOften_ItIsFailedAndTheNextOneClaimed()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: new(s_noWorker) { ["Previews:Worker:MaxAttempts"] = "1" });
        var alpha = await server.ClientForAsync("alpha");
        var first = await PreviewsServer.CreateAsync(alpha, "first");
        var queue = server.Services.GetRequiredService<OperationQueue>();
        await queue.ClaimAsync("w1", CancellationToken.None);
        var second = await PreviewsServer.CreateAsync(alpha, "second");
        server.Time.Advance(TimeSpan.FromSeconds(61));

        var next = await queue.ClaimAsync("w2", CancellationToken.None);

        Assert.Equal(second.Operation.Id, next!.OperationId);
        await using var db = await server.DbAsync();
        var failed = await db.Operations.AsNoTracking().SingleAsync(o => o.Id == first.Operation.Id);
        Assert.Equal(OperationStatus.Failed, failed.Status);
        Assert.Contains("stopped 1 times", failed.Error);
        Assert.Equal(EnvironmentStatus.Failed, (await db.Environments.AsNoTracking().SingleAsync(e => e.Id == first.Environment.Id)).Status);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Actor == "engine" && a.EnvironmentId == first.Environment.Id && a.Outcome.StartsWith("failed: ")));
    }

    [Fact]
    public async Task Renew_OneStatement_MovesTheLeaseReadsTheCancelAndRefusesAStaleToken()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: s_noWorker);
        var alpha = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(alpha, "renew");
        var queue = server.Services.GetRequiredService<OperationQueue>();
        var first = (await queue.ClaimAsync("w1", CancellationToken.None))!;
        server.Time.Advance(TimeSpan.FromSeconds(61));
        var second = (await queue.ClaimAsync("w2", CancellationToken.None))!;
        server.Time.Advance(TimeSpan.FromSeconds(10));

        var before = await queue.RenewAsync(second, CancellationToken.None);
        (await alpha.PostAsync($"/v1/operations/{created.Operation.Id}/cancel", null)).EnsureSuccessStatusCode();
        var after = await queue.RenewAsync(second, CancellationToken.None);
        await Assert.ThrowsAsync<LeaseLostException>(() => queue.RenewAsync(first, CancellationToken.None));

        Assert.Equal((server.Time.GetUtcNow() + TimeSpan.FromSeconds(60), false), (before.Until, before.CancelRequested));
        Assert.True(after.CancelRequested);
        await using var db = await server.DbAsync();
        var operation = await db.Operations.AsNoTracking().SingleAsync();
        Assert.Equal((after.Until, "w2", second.FencingToken), (operation.LeaseExpiresAt!.Value, operation.LeaseOwner, operation.FencingToken));
    }
}
