using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;
using SecureCart.Previews.State.Migrations;

namespace SecureCart.Previews.Audit;

/// <summary>
/// Appends hash-chained rows inside the caller's transaction, so a change and its audit row commit together. Each team
/// has its own chain: an append locks only its team's head, so teams never queue behind each other's writes.
/// </summary>
internal sealed class AuditLog(TimeProvider time, IDbContextFactory<PreviewsDbContext> contexts, AuditHasher hasher, StateDialect dialect, IServiceProvider services)
{
    /// <summary>The head row of the sealed single chain kept from before chains per team.</summary>
    public const int HeadId = 1;

    private const string Upsert = """
        INSERT INTO "AuditChainHeads" ("Team", "LastSequence", "LastHash") VALUES ({0}, 1, '')
        ON CONFLICT ("Team") DO UPDATE SET "LastSequence" = "AuditChainHeads"."LastSequence" + 1
        RETURNING "LastSequence", "LastHash",
        """;

    // PostgreSQL numbers the row from a sequence in the same statement: a sequence hands out numbers without a lock.
    private const string PostgresAppend = Upsert + $"""
         nextval('"{AuditChainPerTeam.PostgresSequence}"') AS "RowNumber"
        """;

    private const string SqliteAppend = Upsert + """ 0 AS "RowNumber" """;

    public async Task AppendAsync(PreviewsDbContext db, AuditEntry entry, CancellationToken cancellationToken)
    {
        await StageAsync(db, entry, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the team chain's next position and queues the row and the head's new hash in <paramref name="db"/>'s
    /// change tracker, so the caller's own SaveChanges writes them in the same batch as the change they record.
    /// </summary>
    public async Task StageAsync(PreviewsDbContext db, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);

        // Raising the team head's counter (creating the head on a team's first row) locks that row until the caller
        // commits: the team's appends from every replica queue here and form one chain; other teams' do not.
        // RETURNING (PostgreSQL, SQLite 3.35+) reads the tip in the same round trip.
        var heads = await db.Database.SqlQueryRaw<HeadRow>(dialect.IsPostgres ? PostgresAppend : SqliteAppend, entry.Team).ToListAsync(cancellationToken);
        var head = heads.Single();
        var record = entry.ToRecord(
            dialect.IsPostgres ? head.RowNumber : await NextSqliteRowNumberAsync(db, cancellationToken),
            head.LastSequence, time.GetUtcNow(), head.LastHash, hasher);
        db.AuditEntries.Add(record);

        // Only the hash is written back: the counter was already raised in the database.
        var tracked = db.ChangeTracker.Entries<AuditChainHeadRecord>().FirstOrDefault(e => e.Entity.Team == entry.Team);
        var tip = tracked?.Entity ?? db.AuditChainHeads.Attach(new AuditChainHeadRecord { Team = entry.Team }).Entity;
        tip.LastSequence = head.LastSequence;
        tip.LastHash = record.Hash;
        var tipEntry = db.Entry(tip);
        tipEntry.Property(h => h.LastSequence).IsModified = false;
        tipEntry.Property(h => h.LastHash).IsModified = true;
    }

    /// <summary>For outcomes with no other change to commit (a refused request, an engine result recorded on its own).</summary>
    public async Task AppendStandaloneAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AppendAsync(db, entry, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        // Resolved here, not injected: the anchor writer is a hosted service that itself reads the chains' heads.
        var anchors = await services.GetRequiredService<AuditAnchors>().ReadAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One snapshot for heads and rows: appends that commit while the check reads must not look like a gap.
        await using var snapshot = await db.Database.BeginTransactionAsync(
            dialect.IsPostgres ? System.Data.IsolationLevel.RepeatableRead : System.Data.IsolationLevel.Serializable, cancellationToken);
        return await new AuditChainVerifier(db, hasher, anchors).VerifyAsync(cancellationToken);
    }

    /// <summary>
    /// SQLite has one writer at a time and this transaction already holds the write lock (the head upsert), so the
    /// largest number plus one is exact; rows staged but not yet saved in this context count too.
    /// </summary>
    private static async Task<long> NextSqliteRowNumberAsync(PreviewsDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.AuditEntries.MaxAsync(a => (long?)a.Sequence, cancellationToken) ?? 0;
        var staged = db.ChangeTracker.Entries<AuditRecord>().Select(e => e.Entity.Sequence).DefaultIfEmpty(0).Max();
        return Math.Max(stored, staged) + 1;
    }

    private sealed class HeadRow
    {
        public long LastSequence { get; set; }
        public string LastHash { get; set; } = "";
        public long RowNumber { get; set; }
    }
}
