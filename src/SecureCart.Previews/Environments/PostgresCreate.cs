using Microsoft.EntityFrameworkCore;
using Npgsql;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Domain;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Migrations;
using static SecureCart.Previews.State.PostgresCommands;

namespace SecureCart.Previews.Environments;

/// <summary>
/// Creates on PostgreSQL in two round trips, one transaction, for one create or a batch of several teams' creates.
/// The first locks each team's audit chain head (the only per-team lock a create takes: it orders the team's chain
/// and makes its quota, name and key checks exact), always in one order — team name, ordinal — so two batches on
/// any replicas can never wait on each other in a circle, and reads every team's facts after its lock; the second
/// writes every row, each head's new tip and the commit. The locks are held for one round trip, the hashes and the
/// commit.
/// </summary>
internal sealed class PostgresCreate(IDbContextFactory<PreviewsDbContext> contexts, AuditHasher hasher, TimeProvider time)
{
    // Creates the head on the team's first row; otherwise a no-op update that locks it (waiting for whoever holds it)
    // and returns its latest values.
    private const string LockHead = """
        INSERT INTO "AuditChainHeads" ("Team", "LastSequence", "LastHash") VALUES ($1, 0, '')
        ON CONFLICT ("Team") DO UPDATE SET "LastSequence" = "AuditChainHeads"."LastSequence"
        RETURNING "Team", "LastSequence", "LastHash"
        """;

    // A shared batch must not wait for a head another transaction holds (an extend, the worker's completion, another
    // replica's batch): every other team in it would wait too. So it makes sure each head exists (in the array's
    // order, which is the fixed one: two batches creating heads never wait on each other in a circle; an existing
    // head is neither locked nor waited for here), then locks the heads that are free and skips the held ones, whose
    // creates go to a transaction of their own team (see CreateQueue). FOR UPDATE returns each head's latest version.
    private const string EnsureHeads = """
        INSERT INTO "AuditChainHeads" ("Team", "LastSequence", "LastHash")
        SELECT t.team, 0, '' FROM unnest($1::text[]) WITH ORDINALITY AS t(team, position) ORDER BY t.position
        ON CONFLICT ("Team") DO NOTHING
        """;

    private const string LockFreeHeads = """
        SELECT "Team", "LastSequence", "LastHash" FROM "AuditChainHeads" WHERE "Team" = ANY($1) ORDER BY "Team" COLLATE "C" FOR UPDATE SKIP LOCKED
        """;

    // Unique row numbers for the batch's audit rows; the ones a refusal leaves unused are gaps, as after any rollback.
    private const string RowNumbers = $"""SELECT nextval('"{AuditChainPerTeam.PostgresSequence}"') FROM generate_series(1, $1)""";

    // Read after the locks: read-committed statements see every create committed before each lock was granted. A
    // team whose head was skipped is read too and ignored. Names and keys are matched across all of the batch's teams:
    // the extra rows are true facts of their own team, never another team's.
    private static readonly string s_totals = $"""
        SELECT "Team", count(*)::int, COALESCE(sum("CostPerMonth"), 0) FROM "Environments"
        WHERE "Team" = ANY($1) AND "Status" <> '{EnvironmentStateMachine.Final}' GROUP BY "Team"
        """;

    private static readonly string s_clashes = $"""
        SELECT "Team", "Name", "Id" FROM "Environments" WHERE "Team" = ANY($1) AND "Status" <> '{EnvironmentStateMachine.Final}' AND "Name" = ANY($2)
        """;

    private const string EarlierKeys = """
        SELECT "Team", "Key", "RequestHash", "EnvironmentId", "OperationId" FROM "IdempotencyKeys" WHERE "Team" = ANY($1) AND "Key" = ANY($2)
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
    /// Decides and writes creates of any teams in one transaction, in order: each is checked against its team as the
    /// ones before it in the batch left it, so quotas, names and keys are exactly as if they had run one by one. With
    /// <paramref name="waitForHeads"/> false, a team whose head another transaction holds is skipped: its creates come
    /// back undecided (null) with nothing written for them, while the other teams' commit.
    /// </summary>
    public async Task<IReadOnlyList<CreateAttempt?>> CommitAsync(IReadOnlyList<PendingCreate> batch, bool waitForHeads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfZero(batch.Count);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Opened through EF Core so a pooled context hands its connection back to the pool when it is returned.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var finished = false;
        try
        {
            var state = await LockAndReadAsync(connection, batch, waitForHeads, cancellationToken);
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

    private static CreateAttempt?[] Decide(IReadOnlyList<PendingCreate> batch, BatchState state)
    {
        var attempts = new CreateAttempt?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var (rows, rules) = batch[i];
            if (!state.Teams.TryGetValue(rows.Environment.Team, out var team))
            {
                continue;
            }

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

    private static async Task<BatchState> LockAndReadAsync(NpgsqlConnection connection, IReadOnlyList<PendingCreate> batch, bool waitForHeads, CancellationToken cancellationToken)
    {
        var teams = batch.Select(p => p.Rows.Environment.Team).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var names = batch.Select(p => p.Rows.Environment.Name).Distinct(StringComparer.Ordinal).ToArray();
        var keys = batch.Select(p => p.Rows.Idempotency?.Key).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        // A lone array argument is cast to object: given as is, it would become the parameter list itself.
        await using var read = new NpgsqlBatch(connection) { BatchCommands = { new("BEGIN") } };
        if (waitForHeads)
        {
            // One statement per head, in the fixed order: each waits for its head before the next is asked for.
            foreach (var team in teams)
            {
                read.BatchCommands.Add(Command(LockHead, team));
            }
        }
        else
        {
            read.BatchCommands.Add(Command(EnsureHeads, (object)teams));
            read.BatchCommands.Add(Command(LockFreeHeads, (object)teams));
        }

        read.BatchCommands.Add(Command(RowNumbers, batch.Count));
        read.BatchCommands.Add(Command(s_totals, (object)teams));
        read.BatchCommands.Add(Command(s_clashes, teams, names));
        read.BatchCommands.Add(Command(EarlierKeys, teams, keys));
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        // The reader passes over statements that return no rows (BEGIN, the ensuring insert) by itself.
        var state = new BatchState();
        for (var heads = waitForHeads ? teams.Length : 1; heads > 0; heads--)
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                state.Teams[reader.GetString(0)] = new TeamState(reader.GetString(0), reader.GetInt64(1), reader.GetString(2));
            }

            await reader.NextResultAsync(cancellationToken);
        }

        while (await reader.ReadAsync(cancellationToken))
        {
            state.RowNumbers.Enqueue(reader.GetInt64(0));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (state.Teams.TryGetValue(reader.GetString(0), out var team))
            {
                team.Live = reader.GetInt32(1);
                team.CommittedPerMonth = reader.GetDecimal(2);
            }
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (state.Teams.TryGetValue(reader.GetString(0), out var team))
            {
                team.Names[reader.GetString(1)] = reader.GetGuid(2);
            }
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (state.Teams.TryGetValue(reader.GetString(0), out var team))
            {
                team.Keys[reader.GetString(1)] = new CreateAttempt.Earlier(reader.GetString(2), reader.GetGuid(3), reader.GetGuid(4));
            }
        }

        return state;
    }

    /// <summary>Every row, the heads' new tips and the commit in one batch: PostgreSQL stops at the first error, so a failure commits nothing for any team.</summary>
    private NpgsqlBatch WriteBatch(NpgsqlConnection connection, List<CreateRows> accepted, BatchState state)
    {
        var batch = new NpgsqlBatch(connection);
        foreach (var (environment, operation, queued, idempotency, entry) in accepted)
        {
            var team = state.Teams[environment.Team];
            var audit = entry.ToRecord(state.RowNumbers.Dequeue(), ++team.Position, time.GetUtcNow(), team.Hash, hasher);
            team.Hash = audit.Hash;
            team.Changed = true;
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

        foreach (var team in state.Teams.Values.Where(t => t.Changed))
        {
            batch.BatchCommands.Add(Command(UpdateHead, team.Team, team.Position, team.Hash));
        }

        batch.BatchCommands.Add(new("COMMIT"));
        return batch;
    }

    /// <summary>The teams whose heads the transaction holds, and the batch's audit row numbers.</summary>
    private sealed class BatchState
    {
        public Dictionary<string, TeamState> Teams { get; } = new(StringComparer.Ordinal);
        public Queue<long> RowNumbers { get; } = new();
    }

    /// <summary>A team as the transaction found it under its lock, advanced past each create the batch accepts.</summary>
    private sealed class TeamState(string team, long position, string hash)
    {
        public string Team { get; } = team;
        public long Position { get; set; } = position;
        public string Hash { get; set; } = hash;
        public bool Changed { get; set; }
        public int Live { get; set; }
        public decimal CommittedPerMonth { get; set; }
        public Dictionary<string, Guid> Names { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, CreateAttempt.Earlier> Keys { get; } = new(StringComparer.Ordinal);
    }
}
