using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.State.Reads;

/// <summary>
/// Every environment this replica writes is dropped from its cache as the write lands, so a client that changed one
/// reads its change back on the same replica at once (other replicas hear of it through the database's notice).
/// Dropped when saved and again when the surrounding transaction commits: a GET that read the old row in between
/// is then not kept either.
/// </summary>
internal sealed class EnvironmentCacheInvalidation(EnvironmentCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context, drop: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, drop: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context, drop: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, drop: false);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<EnvironmentRecord>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted or EntityState.Added)
            {
                _pending.GetOrCreateValue(context).Add(entry.Entity.Id);
            }
        }
    }

    /// <summary>Dropped now in any case (a failed save may still have written); kept for the commit if a transaction is open.</summary>
    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var ids))
        {
            return;
        }

        foreach (var id in ids)
        {
            cache.Invalidate(id);
        }

        if (context.Database.CurrentTransaction is null)
        {
            ids.Clear();
        }
    }

    private void Flush(DbContext? context, bool drop)
    {
        if (context is null || !_pending.TryGetValue(context, out var ids))
        {
            return;
        }

        if (drop)
        {
            foreach (var id in ids)
            {
                cache.Invalidate(id);
            }
        }

        ids.Clear();
    }
}
