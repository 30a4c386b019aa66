using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;
using SecureCart.Previews.State;

namespace SecureCart.Previews.Jobs;

/// <summary>
/// Removes idempotency keys and finished operations' events older than their retention, in small batches. Every
/// replica runs it; on PostgreSQL each batch first takes a transaction-scoped advisory lock and a replica that does
/// not get it skips this round, so replicas never delete side by side, and a replica that dies mid-sweep holds
/// nothing afterwards (the lock ends with its transaction). A failed round is logged and the next tick tries again:
/// deleting what is already gone is harmless, so a half-done round needs no repair.
/// </summary>
internal sealed class RetentionSweeper(
    IDbContextFactory<PreviewsDbContext> contexts,
    StateDialect dialect,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<RetentionSweeper> logger) : BackgroundService
{
    // Any fixed number the service uses for nothing else; PostgreSQL advisory locks are keyed by a bigint.
    private const long SweepLockKey = 0x5343_5265_7465_6E74;

    /// <summary>One full round; null when another replica held the sweep lock.</summary>
    public async Task<RetentionSweep?> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var keysBefore = now.AddHours(-settings.IdempotencyKeyHours);
        var eventsBefore = now.AddDays(-settings.OperationEventDays);
        var batch = settings.BatchSize;

        var keys = await RepeatAsync(db => db.IdempotencyKeys.Where(k => k.CreatedAt < keysBefore).Take(batch).ExecuteDeleteAsync(cancellationToken), batch, cancellationToken);
        if (keys is null)
        {
            Log.RetentionSkipped(logger);
            return null;
        }

        // A queued or running operation's events stay whatever their age: a watcher may still resume from them.
        var events = await RepeatAsync(
            db => db.OperationEvents
                .Where(e => e.At < eventsBefore && !db.Operations.Any(o => o.Id == e.OperationId && (o.Status == OperationStatus.Queued || o.Status == OperationStatus.Running)))
                .Take(batch)
                .ExecuteDeleteAsync(cancellationToken),
            batch,
            cancellationToken);
        if (events is null)
        {
            Log.RetentionSkipped(logger);
            return null;
        }

        var sweep = new RetentionSweep(keys.Value, events.Value);
        if (sweep.IdempotencyKeys + sweep.OperationEvents > 0)
        {
            Log.RetentionSwept(logger, sweep.IdempotencyKeys, sweep.OperationEvents);
        }

        return sweep;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        await PeriodicRounds.RunAsync(TimeSpan.FromSeconds(settings.IntervalSeconds), time, SweepAsync, ex => Log.RetentionFault(logger, ex), stoppingToken);
    }

    /// <summary>Runs <paramref name="delete"/> in its own short transaction until a batch comes back short; null if the lock was taken.</summary>
    private async Task<int?> RepeatAsync(Func<PreviewsDbContext, Task<int>> delete, int batch, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (dialect.IsPostgres
                && !(await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_xact_lock({0}) AS \"Value\"", SweepLockKey).ToListAsync(cancellationToken)).Single())
            {
                return total > 0 ? total : null;
            }

            var removed = await delete(db);
            await transaction.CommitAsync(cancellationToken);
            total += removed;
            if (removed < batch)
            {
                return total;
            }
        }
    }
}
