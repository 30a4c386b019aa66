using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Environments;
using SecureCart.Previews.Live;
using SecureCart.Previews.Options;
using SecureCart.Previews.Planning;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Jobs;

/// <summary>
/// Durable jobs: a worker claims an operation with a lease and a new fencing token; an expired lease lets another
/// worker resume it, and every write checks the token so the worker that lost the lease cannot change anything.
/// </summary>
internal sealed class OperationQueue(
    IDbContextFactory<PreviewsDbContext> contexts,
    StateDialect dialect,
    AuditLog audit,
    IPreviewPlanner planner,
    TimeProvider time,
    IOptions<WorkerOptions> options,
    OperationFeed feed,
    PostgresOperationStore postgres)
{
    private const int EventsPerStatement = 100;

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    public async Task<OperationClaim?> ClaimAsync(string workerId, CancellationToken cancellationToken)
    {
        if (dialect.IsPostgres)
        {
            var now = time.GetUtcNow();
            try
            {
                var row = await postgres.ClaimAsync(workerId, now, now + Lease, options.Value.MaxAttempts, cancellationToken);
                if (row is null)
                {
                    return null;
                }

                if (row.Lease is { } lease)
                {
                    feed.Publish(row.OperationId);
                    return ToClaim(row.OperationId, row.Kind, row.Environment, lease.FencingToken, lease.Attempts, workerId, lease.ClaimedSequence + 1, now + Lease);
                }

                // The oldest candidate's worker died too often: the claim below fails it, with its audit row, and goes on.
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // A stale holder's event landed between the statement's snapshot and its lock; nothing was claimed.
                // The claim below reads the event numbers after it holds the lock.
            }
        }

        return await ClaimThroughEfAsync(workerId, cancellationToken);
    }

    private async Task<OperationClaim?> ClaimThroughEfAsync(string workerId, CancellationToken cancellationToken)
    {
        // An operation whose worker died too often is failed here, and the next candidate is tried.
        for (var guard = 0; guard < 16; guard++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            var ids = await db.Database.SqlQueryRaw<Guid>(dialect.ClaimCandidateSql, now.ToUnixTimeMilliseconds()).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return null;
            }

            // The operation, its environment (both tracked) and its last event number in one round trip, not three.
            var found = await (
                from o in db.Operations
                where o.Id == ids[0]
                join e in db.Environments on o.EnvironmentId equals e.Id
                select new { Operation = o, Environment = e, Last = db.OperationEvents.Where(x => x.OperationId == o.Id).Max(x => (int?)x.Sequence) })
                .SingleAsync(cancellationToken);
            var (operation, environment) = (found.Operation, found.Environment);
            var resumed = operation.Status == OperationStatus.Running;
            var previousOwner = operation.LeaseOwner;
            var nextSequence = found.Last ?? 0;
            operation.FencingToken++;
            operation.LeaseOwner = null;
            operation.LeaseExpiresAt = null;

            if (resumed && operation.Attempts >= options.Value.MaxAttempts)
            {
                var error = $"the worker running it stopped {operation.Attempts} times (lease expired, last held by {previousOwner}); not retried";
                FinishInPlace(db, operation, environment, OperationStatus.Failed, error, ImmutableDictionary<string, string>.Empty, now, nextSequence + 1);
                await audit.StageAsync(db, EngineAudit(operation, "failed: " + error), cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                feed.Publish(operation.Id);
                continue;
            }

            operation.Status = OperationStatus.Running;
            operation.LeaseOwner = workerId;
            operation.LeaseExpiresAt = now + Lease;
            operation.Attempts++;
            operation.StartedAt ??= now;
            var message = resumed
                ? $"lease of {previousOwner} expired; resumed by {workerId} (attempt {operation.Attempts})"
                : $"claimed by {workerId}";
            db.OperationEvents.Add(new OperationEventRecord { OperationId = operation.Id, Sequence = nextSequence + 1, Type = "claimed", Message = message, At = now });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            feed.Publish(operation.Id);

            return ToClaim(operation.Id, operation.Kind, environment, operation.FencingToken, operation.Attempts, workerId, nextSequence + 2, operation.LeaseExpiresAt.Value);
        }

        return null;
    }

    private OperationClaim ToClaim(
        Guid operationId, OperationKind kind, EnvironmentRecord environment, long fencingToken, int attempts, string workerId, int nextSequence, DateTimeOffset leaseUntil)
    {
        var planRequest = new PreviewPlanRequest(environment.Id, environment.Team, environment.Name, environment.Size, environment.GitRef, environment.ImageTag);
        // Planned once, at create; only rows written before the stack name was stored are planned again here.
        var stackName = environment.StackName is { Length: > 0 } stored ? stored
            : planner.Plan(planRequest) is PreviewPlanOutcome.Planned planned ? planned.Estimate.StackName : $"preview-{environment.Team}-{environment.Name}";
        var request = new EngineRequest(planRequest, stackName, operationId);
        return new OperationClaim(operationId, environment.Id, kind, fencingToken, attempts, workerId, request, nextSequence, leaseUntil);
    }

    /// <summary>
    /// Extends the lease and reads the cancel flag. The lease end it returns is the one written, computed before the
    /// statement was sent, so it is never later than what other workers see. Throws when the lease was lost.
    /// </summary>
    public async Task<LeaseRenewal> RenewAsync(OperationClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var until = time.GetUtcNow() + Lease;
        if (dialect.IsPostgres)
        {
            return await postgres.RenewAsync(claim, until, cancellationToken) is { } cancelRequested ? new LeaseRenewal(until, cancelRequested) : throw LeaseLost(claim);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Fenced(db, claim).ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseExpiresAt, until), cancellationToken);
        if (rows == 0)
        {
            throw LeaseLost(claim);
        }

        var cancel = await db.Operations.Where(o => o.Id == claim.OperationId).Select(o => o.CancelRequested).SingleAsync(cancellationToken);
        return new LeaseRenewal(until, cancel);
    }

    /// <summary>For callers that write events outside an engine run; the engine's sink reserves its numbers itself.</summary>
    public Task AppendEventsAsync(OperationClaim claim, IReadOnlyList<EngineEvent> engineEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(engineEvents);
        return AppendEventsAsync(claim, claim.TakeSequences(engineEvents.Count), engineEvents, cancellationToken);
    }

    /// <summary>
    /// One statement per batch of events. The sequence numbers are reserved by the caller, so a retry after a lost
    /// connection writes the same numbers again, and rows that already landed are skipped instead of duplicated.
    /// </summary>
    public async Task AppendEventsAsync(OperationClaim claim, int firstSequence, IReadOnlyList<EngineEvent> engineEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(engineEvents);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sequence = firstSequence;
        foreach (var chunk in engineEvents.Chunk(EventsPerStatement))
        {
            var at = time.GetUtcNow().ToUnixTimeMilliseconds();
            var values = new List<object>(2 + (4 * chunk.Length)) { claim.OperationId, claim.FencingToken };
            foreach (var engineEvent in chunk)
            {
                values.AddRange([sequence++, engineEvent.Type, engineEvent.Message, at]);
            }

            // No row written means either a stale token or a retry of a batch that already landed; only the first is an error.
            if (await db.Database.ExecuteSqlRawAsync(dialect.FencedEventsSql(chunk.Length), values, cancellationToken) == 0
                && !await Fenced(db, claim).AnyAsync(cancellationToken))
            {
                throw LeaseLost(claim);
            }
        }

        feed.Publish(claim.OperationId);
    }

    /// <summary>
    /// Records the outcome, fenced by the claim's token. Safe to retry: when an earlier attempt committed but its answer
    /// was lost, the operation already carries this token and a final status, and nothing is written twice.
    /// </summary>
    public async Task CompleteAsync(OperationClaim claim, OperationOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(outcome);
        if (dialect.IsPostgres)
        {
            if (await postgres.CompleteAsync(claim, outcome, cancellationToken))
            {
                feed.Publish(claim.OperationId);
            }

            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var until = time.GetUtcNow() + Lease;

        // Writing the lease locks the operation row for the rest of the transaction, so a claim cannot slip in between.
        if (await Fenced(db, claim).ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseExpiresAt, until), cancellationToken) == 0)
        {
            var current = await db.Operations.AsNoTracking().Where(o => o.Id == claim.OperationId).Select(o => new { o.FencingToken, o.Status }).SingleAsync(cancellationToken);
            if (current.FencingToken == claim.FencingToken && current.Status is not (OperationStatus.Queued or OperationStatus.Running))
            {
                return;
            }

            throw LeaseLost(claim);
        }

        var found = await (
            from o in db.Operations
            where o.Id == claim.OperationId
            join e in db.Environments on o.EnvironmentId equals e.Id
            select new { Operation = o, Environment = e })
            .SingleAsync(cancellationToken);
        var (operation, environment) = (found.Operation, found.Environment);
        FinishInPlace(db, operation, environment, outcome.Status, outcome.Error, outcome.Outputs, time.GetUtcNow(), claim.FinishSequence, outcome.Summary);
        await audit.StageAsync(db, EngineAudit(operation, Verdict(outcome)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        feed.Publish(claim.OperationId);
    }

    /// <summary>Hands the operation back to the queue (this replica is stopping) so another one picks it up at once.</summary>
    public async Task ReleaseAsync(OperationClaim claim, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await Fenced(db, claim).ExecuteUpdateAsync(
            s => s.SetProperty(o => o.Status, OperationStatus.Queued).SetProperty(o => o.LeaseOwner, (string?)null).SetProperty(o => o.LeaseExpiresAt, (DateTimeOffset?)null),
            cancellationToken);
    }

    private static IQueryable<OperationRecord> Fenced(PreviewsDbContext db, OperationClaim claim) =>
        db.Operations.Where(o => o.Id == claim.OperationId && o.FencingToken == claim.FencingToken && o.Status == OperationStatus.Running);

    internal static LeaseLostException LeaseLost(OperationClaim claim) =>
        new($"operation {claim.OperationId}: fencing token {claim.FencingToken} is no longer current");

    private static void FinishInPlace(
        PreviewsDbContext db, OperationRecord operation, EnvironmentRecord environment, OperationStatus status, string? error,
        ImmutableDictionary<string, string> outputs, DateTimeOffset now, int sequence, string? summary = null)
    {
        operation.Status = status;
        operation.Error = error;
        operation.FinishedAt = now;
        operation.LeaseOwner = null;
        operation.LeaseExpiresAt = null;
        EnvironmentTransitions.Finish(environment, operation, status, error, outputs, now);
        db.OperationEvents.Add(new OperationEventRecord
        {
            OperationId = operation.Id,
            Sequence = sequence,
            Type = "finished",
            Message = FinishMessage(status, error, summary),
            At = now,
        });
    }

    internal static string FinishMessage(OperationStatus status, string? error, string? summary) =>
        $"{status.ToString().ToLowerInvariant()}: {error ?? summary ?? ""}".TrimEnd(' ', ':');

    /// <summary>The audit row's outcome for a finished run: the status, and the error when there is one.</summary>
    internal static string Verdict(OperationOutcome outcome) =>
        outcome.Status.ToString().ToLowerInvariant() + (outcome.Error is null ? "" : ": " + outcome.Error);

    internal static AuditEntry EngineAudit(OperationRecord operation, string outcome) =>
        new("engine", operation.Team, $"engine.{operation.Kind.ToString().ToLowerInvariant()}", operation.EnvironmentId, outcome, operation.Id.ToString("D"), "worker");
}
