using Microsoft.EntityFrameworkCore;
using Npgsql;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Domain;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Migrations;
using static SecureCart.Previews.State.PostgresCommands;

namespace SecureCart.Previews.Environments;

/// <summary>
/// Creates on PostgreSQL in two round trips, one transaction (for one create or a batch of one team's). The first
/// locks the team's audit chain head (the only per-team lock a create takes: it orders the team's chain and makes its
/// quota, name and key checks exact) and reads the team's facts after it; the second writes every row, the head's new
/// tip and the commit. The lock is held for one round trip, the hashes and the commit — not for EF Core's
/// per-statement work, which made the team's creates queue on each other for several round trips before.
/// </summary>
internal sealed class PostgresCreate(IDbContextFactory<PreviewsDbContext> contexts, AuditHasher hasher, TimeProvider time)
{
    // Creates the head on the team's first row; otherwise a no-op update that locks it and returns its latest values.
    private const string LockHead = """
        INSERT INTO "AuditChainHeads" ("Team", "LastSequence", "LastHash") VALUES ($1, 0, '')
        ON CONFLICT ("Team") DO UPDATE SET "LastSequence" = "AuditChainHeads"."LastSequence"
        RETURNING "LastSequence", "LastHash"
        """;

    // Unique row numbers for the batch's audit rows; the ones a refusal leaves unused are gaps, as after any rollback.
    private const string RowNumbers = $"""SELECT nextval('"{AuditChainPerTeam.PostgresSequence}"') FROM generate_series(1, $1)""";

    // Read after the lock: read-committed statements see every create committed before the lock was granted.
    private static readonly string s_totals = $"""
        SELECT count(*)::int, COALESCE(sum("CostPerMonth"), 0) FROM "Environments" WHERE "Team" = $1 AND "Status" <> '{EnvironmentStateMachine.Final}'
        """;

    private static readonly string s_clashes = $"""
        SELECT "Name", "Id" FROM "Environments" WHERE "Team" = $1 AND "Status" <> '{EnvironmentStateMachine.Final}' AND "Name" = ANY($2)
        """;

    private const string EarlierKeys = """
        SELECT "Key", "RequestHash", "EnvironmentId", "OperationId" FROM "IdempotencyKeys" WHERE "Team" = $1 AND "Key" = ANY($2)
        """;

    private const string UpdateHead = """UPDATE "AuditChainHeads" SET "LastSequence" = $2, "LastHash" = $3 WHERE "Team" = $1""";

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

    /// <summary>
    /// Decides and writes creates of one team in one transaction, in order: each is checked against the team as the
    /// ones before it in the batch left it, so quotas, names and keys are exactly as if they had run one by one.
    /// </summary>
    public async Task<IReadOnlyList<CreateAttempt>> CommitAsync(IReadOnlyList<PendingCreate> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfZero(batch.Count);
        var team = batch[0].Rows.Environment.Team;
        if (batch.Any(p => !string.Equals(p.Rows.Environment.Team, team, StringComparison.Ordinal)))
        {
            throw new ArgumentException("a batch holds one team's creates", nameof(batch));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Opened through EF Core so a pooled context hands its connection back to the pool when it is returned.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var finished = false;
        try
        {
            var state = await LockAndReadAsync(connection, batch, cancellationToken);
            var attempts = Decide(batch, state);
            var accepted = batch.Where((_, i) => attempts[i] is CreateAttempt.Committed).Select(p => p.Rows).ToList();
            if (accepted.Count == 0)
            {
                await ExecuteAsync(connection, "ROLLBACK", cancellationToken);
            }
            else
            {
                await using var write = WriteBatch(connection, accepted, state);
                await write.ExecuteNonQueryAsync(cancellationToken);
            }

            finished = true;
            return attempts;
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

    private static CreateAttempt[] Decide(IReadOnlyList<PendingCreate> batch, TeamState team)
    {
        var attempts = new CreateAttempt[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var (rows, rules) = batch[i];
            var key = rows.Idempotency?.Key;
            if (key is not null && team.Keys.TryGetValue(key, out var earlier))
            {
                attempts[i] = earlier;
                continue;
            }

            var facts = new TeamFacts { Live = team.Live, CommittedPerMonth = team.CommittedPerMonth, Clash = team.Names.TryGetValue(rows.Environment.Name, out var clash) ? clash : null };
            if (rules(facts) is { } refusal)
            {
                attempts[i] = new CreateAttempt.Refused(refusal);
                continue;
            }

            attempts[i] = new CreateAttempt.Committed();
            team.Live++;
            team.CommittedPerMonth += rows.Environment.CostPerMonth;
            team.Names[rows.Environment.Name] = rows.Environment.Id;
            if (rows.Idempotency is { } idempotency)
            {
                team.Keys[idempotency.Key] = new CreateAttempt.Earlier(idempotency.RequestHash, idempotency.EnvironmentId, idempotency.OperationId);
            }
        }

        return attempts;
    }

    private static async Task<TeamState> LockAndReadAsync(NpgsqlConnection connection, IReadOnlyList<PendingCreate> batch, CancellationToken cancellationToken)
    {
        var team = batch[0].Rows.Environment.Team;
        var names = batch.Select(p => p.Rows.Environment.Name).Distinct(StringComparer.Ordinal).ToArray();
        var keys = batch.Select(p => p.Rows.Idempotency?.Key).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        await using var read = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("BEGIN"),
                Command(LockHead, team),
                Command(RowNumbers, batch.Count),
                Command(s_totals, team),
                Command(s_clashes, team, names),
                Command(EarlierKeys, team, keys),
            },
        };
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var state = new TeamState(team, reader.GetInt64(0), reader.GetString(1));
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            state.RowNumbers.Enqueue(reader.GetInt64(0));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        state.Live = reader.GetInt32(0);
        state.CommittedPerMonth = reader.GetDecimal(1);
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            state.Names[reader.GetString(0)] = reader.GetGuid(1);
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            state.Keys[reader.GetString(0)] = new CreateAttempt.Earlier(reader.GetString(1), reader.GetGuid(2), reader.GetGuid(3));
        }

        return state;
    }

    /// <summary>Every row, the head's new tip and the commit in one batch: PostgreSQL stops at the first error, so a failure commits nothing.</summary>
    private NpgsqlBatch WriteBatch(NpgsqlConnection connection, List<CreateRows> accepted, TeamState team)
    {
        var batch = new NpgsqlBatch(connection);
        var position = team.Position;
        var previous = team.Hash;
        foreach (var (environment, operation, queued, idempotency, entry) in accepted)
        {
            var audit = entry.ToRecord(team.RowNumbers.Dequeue(), ++position, time.GetUtcNow(), previous, hasher);
            previous = audit.Hash;
            batch.BatchCommands.Add(Command(InsertAudit, audit.Sequence, audit.ChainSequence, Ms(audit.At), audit.Actor, audit.Team, audit.Action,
                (object?)audit.EnvironmentId ?? DBNull.Value, audit.Outcome, audit.RequestId, audit.SourceAddress, audit.PreviousHash, audit.Hash));
            batch.BatchCommands.Add(Command(InsertEnvironment, environment.Id, environment.Team, environment.Name, (object?)environment.GitRef ?? DBNull.Value,
                (object?)environment.ImageTag ?? DBNull.Value, environment.Size, environment.StackName, environment.Status.ToString(), environment.OutputsJson,
                environment.CreatedBy, Ms(environment.CreatedAt), Ms(environment.ExpiresAt), environment.CostPerHour, environment.CostPerMonth,
                (object?)environment.ActiveOperationId ?? DBNull.Value, environment.LastOperationId));
            batch.BatchCommands.Add(Command(InsertOperation, operation.Id, operation.EnvironmentId, operation.Team, operation.Kind.ToString(), operation.Status.ToString(),
                operation.RequestedBy, Ms(operation.CreatedAt)));
            batch.BatchCommands.Add(Command(InsertEvent, queued.OperationId, queued.Sequence, queued.Type, queued.Message, Ms(queued.At)));
            if (idempotency is not null)
            {
                batch.BatchCommands.Add(Command(InsertIdempotency, idempotency.Team, idempotency.Key, idempotency.RequestHash,
                    idempotency.EnvironmentId, idempotency.OperationId, Ms(idempotency.CreatedAt)));
            }
        }

        batch.BatchCommands.Add(Command(UpdateHead, team.Team, position, previous));
        batch.BatchCommands.Add(new("COMMIT"));
        return batch;
    }

    /// <summary>The team as the transaction found it under the lock, advanced past each create the batch accepts.</summary>
    private sealed class TeamState(string team, long position, string hash)
    {
        public string Team { get; } = team;
        public long Position { get; } = position;
        public string Hash { get; } = hash;
        public Queue<long> RowNumbers { get; } = new();
        public int Live { get; set; }
        public decimal CommittedPerMonth { get; set; }
        public Dictionary<string, Guid> Names { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, CreateAttempt.Earlier> Keys { get; } = new(StringComparer.Ordinal);
    }
}
