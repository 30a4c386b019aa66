using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Audit;

/// <summary>Appends hash-chained rows inside the caller's transaction, so a change and its audit row commit together.</summary>
internal sealed class AuditLog(TimeProvider time, IDbContextFactory<PreviewsDbContext> contexts, AuditHasher hasher, IServiceProvider services)
{
    public const int HeadId = 1;
    private const int VerifyPage = 2_000;

    public async Task AppendAsync(PreviewsDbContext db, AuditEntry entry, CancellationToken cancellationToken)
    {
        await StageAsync(db, entry, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the next sequence number and queues the row and the head's new hash in <paramref name="db"/>'s change
    /// tracker, so the caller's own SaveChanges writes them in the same batch as the change they record.
    /// </summary>
    public async Task StageAsync(PreviewsDbContext db, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);

        // Raising the head's counter locks the head row until the caller commits: appends from every replica queue
        // here and form one chain. RETURNING (PostgreSQL, SQLite 3.35+) reads the tip in the same round trip.
        var heads = await db.Database
            .SqlQuery<HeadRow>($"""UPDATE "AuditHead" SET "LastSequence" = "LastSequence" + 1 WHERE "Id" = {HeadId} RETURNING "LastSequence", "LastHash" """)
            .ToListAsync(cancellationToken);
        var head = heads.Single();
        var record = new AuditRecord
        {
            Sequence = head.LastSequence,
            At = time.GetUtcNow(),
            Actor = entry.Actor,
            Team = entry.Team,
            Action = entry.Action,
            EnvironmentId = entry.EnvironmentId,
            Outcome = entry.Outcome,
            RequestId = entry.RequestId,
            SourceAddress = entry.SourceAddress,
            PreviousHash = head.LastHash,
        };
        record.Hash = hasher.Compute(record);
        db.AuditEntries.Add(record);

        // Only the hash is written back: the counter was already raised in the database.
        var tracked = db.ChangeTracker.Entries<AuditHeadRecord>().FirstOrDefault(e => e.Entity.Id == HeadId);
        var tip = tracked?.Entity ?? db.AuditHead.Attach(new AuditHeadRecord { Id = HeadId }).Entity;
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
        // Resolved here, not injected: the anchor writer is a hosted service that itself reads the chain's head.
        var anchors = (await services.GetRequiredService<AuditAnchors>().ReadAsync(cancellationToken))
            .GroupBy(a => a.Sequence).ToDictionary(g => g.Key, g => g.First());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var head = await db.AuditHead.AsNoTracking().SingleAsync(h => h.Id == HeadId, cancellationToken);
        long expected = 1;
        var previousHash = "";
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(a => a.Sequence >= expected)
                .OrderBy(a => a.Sequence)
                .Take(VerifyPage)
                .ToListAsync(cancellationToken);
            foreach (var row in page)
            {
                if (row.Sequence != expected)
                {
                    return new AuditVerification(false, expected - 1, expected, $"row {expected} is missing (next row is {row.Sequence})");
                }

                if (!string.Equals(row.PreviousHash, previousHash, StringComparison.Ordinal))
                {
                    return new AuditVerification(false, expected - 1, row.Sequence, $"row {row.Sequence} does not link to the hash of row {row.Sequence - 1}");
                }

                if (!string.Equals(hasher.Compute(row), row.Hash, StringComparison.Ordinal))
                {
                    return new AuditVerification(false, expected - 1, row.Sequence, $"row {row.Sequence} was changed after it was written (its hash no longer matches)");
                }

                if (anchors.TryGetValue(row.Sequence, out var anchor) && !string.Equals(anchor.Hash, row.Hash, StringComparison.Ordinal))
                {
                    return new AuditVerification(false, expected - 1, row.Sequence,
                        $"row {row.Sequence} differs from the head anchored outside the database at {anchor.At:O}: the chain was rewritten", anchors.Count);
                }

                previousHash = row.Hash;
                expected++;
            }

            if (page.Count < VerifyPage)
            {
                break;
            }
        }

        var count = expected - 1;
        if (anchors.Keys.Where(s => s > count).Select(s => (long?)s).Min() is { } beyond)
        {
            return new AuditVerification(false, count, count + 1, $"row {beyond} was anchored outside the database but the chain ends at row {count}", anchors.Count);
        }

        if (count != head.LastSequence || !string.Equals(previousHash, head.LastHash, StringComparison.Ordinal))
        {
            return new AuditVerification(false, count, count + 1, $"the chain ends at row {count} but {head.LastSequence} rows were written");
        }

        return new AuditVerification(true, count, null, null, anchors.Count);
    }

    private sealed class HeadRow
    {
        public long LastSequence { get; set; }
        public string LastHash { get; set; } = "";
    }
}
