using Microsoft.EntityFrameworkCore;
using Npgsql;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Domain;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;
using SecureCart.Previews.State.Migrations;

namespace SecureCart.Previews.Environments;

/// <summary>
/// A create on PostgreSQL in two round trips, one transaction. The first locks the team's audit chain head (the only
/// per-team lock a create takes: it orders the team's chain and makes its quota check and name check exact) and reads
/// the team's facts after it; the second writes every row and commits. The lock is held for one round trip, the
/// hash, and the commit — not for EF Core's per-statement work, which made the team's creates queue on each other
/// for several round trips before.
/// </summary>
internal sealed class PostgresCreate(IDbContextFactory<PreviewsDbContext> contexts, AuditHasher hasher, TimeProvider time)
{
    // The upsert creates the head on the team's first row; RETURNING reads the tip and a unique row number at once.
    private const string LockHead = $"""
        INSERT INTO "AuditChainHeads" ("Team", "LastSequence", "LastHash") VALUES ($1, 1, '')
        ON CONFLICT ("Team") DO UPDATE SET "LastSequence" = "AuditChainHeads"."LastSequence" + 1
        RETURNING "LastSequence", "LastHash", nextval('"{AuditChainPerTeam.PostgresSequence}"')
        """;

    // One scan of the team's live environments after the lock: read-committed statements see every create committed
    // before the lock was granted. $3 is NULL without an Idempotency-Key, which matches no row.
    private static readonly string s_facts = $"""
        SELECT live.count, live.cost, live.clash, k."RequestHash", k."EnvironmentId", k."OperationId"
        FROM (
            SELECT count(*)::int AS count, COALESCE(sum("CostPerMonth"), 0) AS cost,
                   (array_agg("Id") FILTER (WHERE "Name" = $2))[1] AS clash
            FROM "Environments" WHERE "Team" = $1 AND "Status" <> '{EnvironmentStateMachine.Final}'
        ) AS live
        LEFT JOIN "IdempotencyKeys" AS k ON k."Team" = $1 AND k."Key" = $3
        """;

    private const string UpdateHead = """UPDATE "AuditChainHeads" SET "LastHash" = $2 WHERE "Team" = $1""";

    private const string InsertAudit = """
        INSERT INTO "AuditEntries" ("Sequence", "ChainSequence", "At", "Actor", "Team", "Action", "EnvironmentId", "Outcome", "RequestId", "SourceAddress", "PreviousHash", "Hash")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        """;

    private const string InsertEnvironment = """
        INSERT INTO "Environments" ("Id", "Team", "Name", "GitRef", "ImageTag", "Size", "StackName", "Status", "OutputsJson", "CreatedBy", "CreatedAt", "ExpiresAt", "CostPerHour", "CostPerMonth", "ActiveOperationId", "LastOperationId")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
        """;

    private const string InsertOperation = """
        INSERT INTO "Operations" ("Id", "EnvironmentId", "Team", "Kind", "Status", "RequestedBy", "CreatedAt", "FencingToken", "Attempts", "CancelRequested")
        VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 0, false)
        """;

    private const string InsertEvent = """
        INSERT INTO "OperationEvents" ("OperationId", "Sequence", "Type", "Message", "At") VALUES ($1, $2, $3, $4, $5)
        """;

    private const string InsertIdempotency = """
        INSERT INTO "IdempotencyKeys" ("Team", "Key", "RequestHash", "EnvironmentId", "OperationId", "CreatedAt") VALUES ($1, $2, $3, $4, $5, $6)
        """;

    public async Task<CreateAttempt> CommitAsync(CreateRows rows, Func<TeamFacts, Refusal?> rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(rules);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Opened through EF Core so a pooled context hands its connection back to the pool when it is returned.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var finished = false;
        try
        {
            var environment = rows.Environment;
            var (head, facts) = await LockAndReadAsync(connection, environment.Team, environment.Name, rows.Idempotency?.Key, cancellationToken);
            CreateAttempt? early = facts.EarlierRequestHash is { } earlierHash
                ? new CreateAttempt.Earlier(earlierHash, facts.EarlierEnvironmentId!.Value, facts.EarlierOperationId!.Value)
                : rules(facts) is { } refusal ? new CreateAttempt.Refused(refusal) : null;
            if (early is not null)
            {
                await ExecuteAsync(connection, "ROLLBACK", cancellationToken);
                finished = true;
                return early;
            }

            await using var batch = WriteBatch(connection, rows, head);
            await batch.ExecuteNonQueryAsync(cancellationToken);
            finished = true;
            return new CreateAttempt.Committed();
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

    private static async Task<(Head Head, TeamFacts Facts)> LockAndReadAsync(
        NpgsqlConnection connection, string team, string name, string? idempotencyKey, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("BEGIN"),
                Command(LockHead, team),
                Command(s_facts, team, name, (object?)idempotencyKey ?? DBNull.Value),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var head = new Head(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2));
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var facts = new TeamFacts
        {
            Live = reader.GetInt32(0),
            CommittedPerMonth = reader.GetDecimal(1),
            Clash = reader.IsDBNull(2) ? null : reader.GetGuid(2),
            EarlierRequestHash = reader.IsDBNull(3) ? null : reader.GetString(3),
            EarlierEnvironmentId = reader.IsDBNull(4) ? null : reader.GetGuid(4),
            EarlierOperationId = reader.IsDBNull(5) ? null : reader.GetGuid(5),
        };
        return (head, facts);
    }

    /// <summary>Every row, the head's new hash and the commit in one batch: PostgreSQL stops at the first error, so a failure commits nothing.</summary>
    private NpgsqlBatch WriteBatch(NpgsqlConnection connection, CreateRows rows, Head head)
    {
        var (environment, operation, queued, idempotency, entry) = rows;
        var audit = new AuditRecord
        {
            Sequence = head.RowNumber,
            ChainSequence = head.Position,
            At = time.GetUtcNow(),
            Actor = entry.Actor,
            Team = entry.Team,
            Action = entry.Action,
            EnvironmentId = entry.EnvironmentId,
            Outcome = entry.Outcome,
            RequestId = entry.RequestId,
            SourceAddress = entry.SourceAddress,
            PreviousHash = head.Hash,
        };
        audit.Hash = hasher.Compute(audit);
        var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command(UpdateHead, audit.Team, audit.Hash),
                Command(InsertAudit, audit.Sequence, audit.ChainSequence, Ms(audit.At), audit.Actor, audit.Team, audit.Action,
                    (object?)audit.EnvironmentId ?? DBNull.Value, audit.Outcome, audit.RequestId, audit.SourceAddress, audit.PreviousHash, audit.Hash),
                Command(InsertEnvironment, environment.Id, environment.Team, environment.Name, (object?)environment.GitRef ?? DBNull.Value,
                    (object?)environment.ImageTag ?? DBNull.Value, environment.Size, environment.StackName, environment.Status.ToString(), environment.OutputsJson,
                    environment.CreatedBy, Ms(environment.CreatedAt), Ms(environment.ExpiresAt), environment.CostPerHour, environment.CostPerMonth,
                    (object?)environment.ActiveOperationId ?? DBNull.Value, environment.LastOperationId),
                Command(InsertOperation, operation.Id, operation.EnvironmentId, operation.Team, operation.Kind.ToString(), operation.Status.ToString(),
                    operation.RequestedBy, Ms(operation.CreatedAt)),
                Command(InsertEvent, queued.OperationId, queued.Sequence, queued.Type, queued.Message, Ms(queued.At)),
            },
        };
        if (idempotency is not null)
        {
            batch.BatchCommands.Add(Command(InsertIdempotency, idempotency.Team, idempotency.Key, idempotency.RequestHash,
                idempotency.EnvironmentId, idempotency.OperationId, Ms(idempotency.CreatedAt)));
        }

        batch.BatchCommands.Add(new("COMMIT"));
        return batch;
    }

    /// <summary>
    /// Ends a transaction an error, a cancellation or a dropped connection interrupted. On a live connection the
    /// rollback releases the head at once; on a broken one there is nothing to send (the server rolled back when the
    /// connection went), and the original exception is the one the caller must see.
    /// </summary>
    private static async Task AbandonAsync(NpgsqlConnection connection)
    {
        if (connection.FullState != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
        }
        catch (NpgsqlException) when (connection.FullState.HasFlag(System.Data.ConnectionState.Broken))
        {
            // The connection broke while rolling back: the server ends the transaction with the connection, and the
            // error the caller must see is the one that interrupted the create.
            return;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private readonly record struct Head(long Position, string Hash, long RowNumber);
}
