using Microsoft.EntityFrameworkCore;
using Npgsql;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Environments;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;
using SecureCart.Previews.State.Migrations;
using static SecureCart.Previews.State.PostgresCommands;

namespace SecureCart.Previews.Jobs;

/// <summary>
/// The worker's two busiest writes on PostgreSQL, hand-written so each costs as few round trips and commits as the
/// rules allow: a claim is one statement (lease, token, attempt and its "claimed" event, committed alone), and a
/// completion is two round trips in one transaction (lock and read, then every write and the commit). The fencing
/// rules are those of <see cref="OperationQueue"/>, which uses this store on PostgreSQL and EF Core on SQLite.
/// </summary>
internal sealed class PostgresOperationStore(IDbContextFactory<PreviewsDbContext> contexts, AuditHasher hasher, TimeProvider time)
{
    // The oldest claimable operation, locked (others skip it, so two workers never take the same one), claimed unless
    // its worker died too often, with its event; its environment is read in the same statement. Every part reads the
    // statement's one snapshot: the only writes that snapshot can miss are a stale holder's fenced events committed
    // between the snapshot and the lock, which then make the event insert fail on (operation, sequence) and the whole
    // statement with it; the caller falls back to the two-statement claim, which reads the numbers after its lock.
    private const string Claim = """
        WITH candidate AS (
            SELECT "Id", "EnvironmentId", "Kind", "Status", "LeaseOwner", "Attempts" FROM "Operations"
            WHERE "Status" = 'Queued' OR ("Status" = 'Running' AND "LeaseExpiresAt" < $1)
            ORDER BY "CreatedAt"
            LIMIT 1
            FOR UPDATE SKIP LOCKED),
        claimed AS (
            UPDATE "Operations" AS o
            SET "FencingToken" = o."FencingToken" + 1, "Status" = 'Running', "LeaseOwner" = $2, "LeaseExpiresAt" = $3,
                "Attempts" = o."Attempts" + 1, "StartedAt" = COALESCE(o."StartedAt", $1)
            FROM candidate AS c
            WHERE o."Id" = c."Id" AND NOT (c."Status" = 'Running' AND c."Attempts" >= $4)
            RETURNING o."Id", o."FencingToken", o."Attempts", c."Status" AS "WasStatus", c."LeaseOwner" AS "PreviousOwner",
                (SELECT COALESCE(max(x."Sequence"), 0) FROM "OperationEvents" AS x WHERE x."OperationId" = o."Id") AS "LastSequence"),
        logged AS (
            INSERT INTO "OperationEvents" ("OperationId", "Sequence", "Type", "Message", "At")
            SELECT "Id", "LastSequence" + 1, 'claimed',
                CASE WHEN "WasStatus" = 'Running'
                    THEN 'lease of ' || COALESCE("PreviousOwner", '?') || ' expired; resumed by ' || $2 || ' (attempt ' || "Attempts" || ')'
                    ELSE 'claimed by ' || $2 END,
                $1
            FROM claimed)
        SELECT c."Id", c."EnvironmentId", c."Kind", cl."FencingToken", cl."Attempts", cl."LastSequence",
            e."Team", e."Name", e."Size", e."GitRef", e."ImageTag", e."StackName"
        FROM candidate AS c
        LEFT JOIN claimed AS cl ON cl."Id" = c."Id"
        JOIN "Environments" AS e ON e."Id" = c."EnvironmentId"
        """;

    // Completion, first round trip: the operation's row lock (every fenced write takes it, so nothing of this claim's
    // can land in between), the team's chain head, then the environment — the order extend, delete and cancel also
    // lock in (operation or team before head, head before environment), so none of them can deadlock with this.
    private const string LockOperation = """
        SELECT "FencingToken", "Status", "Kind", "StartedAt" FROM "Operations" WHERE "Id" = $1 FOR UPDATE
        """;

    private static readonly string s_lockHead = $"""
        INSERT INTO "AuditChainHeads" ("Team", "LastSequence", "LastHash") VALUES ($1, 1, '')
        ON CONFLICT ("Team") DO UPDATE SET "LastSequence" = "AuditChainHeads"."LastSequence" + 1
        RETURNING "LastSequence", "LastHash", nextval('"{AuditChainPerTeam.PostgresSequence}"')
        """;

    private const string LockEnvironment = """
        SELECT "Status", "StatusReason", "Url", "OutputsJson", "DestroyedAt", "ActiveOperationId" FROM "Environments" WHERE "Id" = $1 FOR UPDATE
        """;

    private const string FinishOperation = """
        UPDATE "Operations" SET "Status" = $2, "Error" = $3, "FinishedAt" = $4, "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL WHERE "Id" = $1
        """;

    private const string FinishEnvironment = """
        UPDATE "Environments" SET "Status" = $2, "StatusReason" = $3, "Url" = $4, "OutputsJson" = $5, "DestroyedAt" = $6, "ActiveOperationId" = $7 WHERE "Id" = $1
        """;

    private const string InsertEvent = """
        INSERT INTO "OperationEvents" ("OperationId", "Sequence", "Type", "Message", "At") VALUES ($1, $2, $3, $4, $5)
        """;

    private const string InsertAudit = """
        INSERT INTO "AuditEntries" ("Sequence", "ChainSequence", "At", "Actor", "Team", "Action", "EnvironmentId", "Outcome", "RequestId", "SourceAddress", "PreviousHash", "Hash")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        """;

    private const string UpdateHead = """UPDATE "AuditChainHeads" SET "LastHash" = $2 WHERE "Team" = $1""";

    // A renewal extends the lease only while the claim's token is current, and reads the cancel flag in the same statement.
    private const string Renew = """
        UPDATE "Operations" SET "LeaseExpiresAt" = $4 WHERE "Id" = $1 AND "FencingToken" = $2 AND "Status" = $3 RETURNING "CancelRequested"
        """;

    /// <summary>
    /// Claims the oldest claimable operation in one statement. Null when there is none; a row with no token when the
    /// oldest one's worker died <paramref name="maxAttempts"/> times (it is left as it was, for the caller to fail).
    /// </summary>
    public async Task<ClaimedRow?> ClaimAsync(string workerId, DateTimeOffset now, DateTimeOffset until, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Claim, (NpgsqlConnection)db.Database.GetDbConnection())
            {
                Parameters = { new() { Value = Ms(now) }, new() { Value = workerId }, new() { Value = Ms(until) }, new() { Value = maxAttempts } },
            };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var environment = new EnvironmentRecord
            {
                Id = reader.GetGuid(1),
                Team = reader.GetString(6),
                Name = reader.GetString(7),
                Size = reader.GetString(8),
                GitRef = reader.IsDBNull(9) ? null : reader.GetString(9),
                ImageTag = reader.IsDBNull(10) ? null : reader.GetString(10),
                StackName = reader.GetString(11),
            };
            var kind = Enum.Parse<OperationKind>(reader.GetString(2));
            return reader.IsDBNull(3)
                ? new ClaimedRow(reader.GetGuid(0), kind, environment, null)
                : new ClaimedRow(reader.GetGuid(0), kind, environment, new ClaimedLease(reader.GetInt64(3), reader.GetInt32(4), reader.GetInt32(5)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Extends the lease to <paramref name="until"/> in one round trip; null when the lease was lost.</summary>
    public async Task<bool?> RenewAsync(OperationClaim claim, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(Renew, (NpgsqlConnection)db.Database.GetDbConnection())
            {
                Parameters =
                {
                    new() { Value = claim.OperationId }, new() { Value = claim.FencingToken }, new() { Value = nameof(OperationStatus.Running) }, new() { Value = Ms(until) },
                },
            };
            return await command.ExecuteScalarAsync(cancellationToken) is bool cancel ? cancel : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Writes the outcome, the environment's new state, the "finished" event, the audit row and the chain's new tip
    /// in one transaction. False when an earlier attempt of this very completion already committed (its answer was
    /// lost); throws <see cref="LeaseLostException"/> when another worker holds the operation now.
    /// </summary>
    public async Task<bool> CompleteAsync(OperationClaim claim, OperationOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(outcome);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var team = claim.Request.Plan.Team;
        var finished = false;
        try
        {
            var (operation, environment, head) = await LockAndReadAsync(connection, claim, team, cancellationToken);
            if (operation.FencingToken != claim.FencingToken || operation.Status != OperationStatus.Running)
            {
                await ExecuteAsync(connection, "ROLLBACK", cancellationToken);
                finished = true;
                return operation.FencingToken == claim.FencingToken && operation.Status is not OperationStatus.Queued
                    ? false
                    : throw OperationQueue.LeaseLost(claim);
            }

            var now = time.GetUtcNow();
            EnvironmentTransitions.Finish(environment, operation, outcome.Status, outcome.Error, outcome.Outputs, now);
            var audit = OperationQueue.EngineAudit(operation, OperationQueue.Verdict(outcome)).ToRecord(head.RowNumber, head.Position, now, head.Hash, hasher);
            await using var write = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    Command(FinishOperation, operation.Id, outcome.Status.ToString(), outcome.Error, Ms(now)),
                    Command(FinishEnvironment, environment.Id, environment.Status.ToString(), environment.StatusReason, environment.Url, environment.OutputsJson,
                        Ms(environment.DestroyedAt), environment.ActiveOperationId),
                    Command(InsertEvent, operation.Id, claim.FinishSequence, "finished", OperationQueue.FinishMessage(outcome.Status, outcome.Error, outcome.Summary), Ms(now)),
                    Command(InsertAudit, audit.Sequence, audit.ChainSequence, Ms(audit.At), audit.Actor, audit.Team, audit.Action, audit.EnvironmentId,
                        audit.Outcome, audit.RequestId, audit.SourceAddress, audit.PreviousHash, audit.Hash),
                    Command(UpdateHead, team, audit.Hash),
                    new("COMMIT"),
                },
            };
            await write.ExecuteNonQueryAsync(cancellationToken);
            finished = true;
            return true;
        }
        finally
        {
            if (!finished)
            {
                await AbandonAsync(connection);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(OperationRecord Operation, EnvironmentRecord Environment, HeadRow Head)> LockAndReadAsync(
        NpgsqlConnection connection, OperationClaim claim, string team, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlBatch(connection)
        {
            BatchCommands = { new("BEGIN"), Command(LockOperation, claim.OperationId), Command(s_lockHead, team), Command(LockEnvironment, claim.EnvironmentId) },
        };
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var operation = new OperationRecord { Id = claim.OperationId, EnvironmentId = claim.EnvironmentId, Team = team };
        if (await reader.ReadAsync(cancellationToken))
        {
            operation.FencingToken = reader.GetInt64(0);
            operation.Status = Enum.Parse<OperationStatus>(reader.GetString(1));
            operation.Kind = Enum.Parse<OperationKind>(reader.GetString(2));
            operation.StartedAt = reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var head = new HeadRow(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2));
        await reader.NextResultAsync(cancellationToken);
        var environment = new EnvironmentRecord { Id = claim.EnvironmentId, Team = team };
        if (await reader.ReadAsync(cancellationToken))
        {
            environment.Status = Enum.Parse<EnvironmentStatus>(reader.GetString(0));
            environment.StatusReason = reader.IsDBNull(1) ? null : reader.GetString(1);
            environment.Url = reader.IsDBNull(2) ? null : reader.GetString(2);
            environment.OutputsJson = reader.GetString(3);
            environment.DestroyedAt = reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4));
            environment.ActiveOperationId = reader.IsDBNull(5) ? null : reader.GetGuid(5);
        }

        return (operation, environment, head);
    }

    /// <summary>The claimed operation and its environment; <see cref="Lease"/> is null when it was not claimed (too many attempts).</summary>
    internal sealed record ClaimedRow(Guid OperationId, OperationKind Kind, EnvironmentRecord Environment, ClaimedLease? Lease);

    /// <summary>The new token and attempt, and the event number the claim wrote.</summary>
    internal sealed record ClaimedLease(long FencingToken, int Attempts, int LastSequenceBefore)
    {
        public int ClaimedSequence => LastSequenceBefore + 1;
    }

    private sealed record HeadRow(long Position, string Hash, long RowNumber);
}
