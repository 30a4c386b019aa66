using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Jobs;

/// <summary>
/// One holder at a time for a periodic job across replicas: a conditional update on one row takes the lease when it
/// is free or already ours, so two replicas racing for it get one winner on both stores. The holder renews before
/// each step that acts; a holder that died simply lets it expire.
/// </summary>
internal sealed class JobLease(IDbContextFactory<PreviewsDbContext> contexts, TimeProvider time)
{
    /// <summary>True when <paramref name="holder"/> now holds <paramref name="name"/> until now + <paramref name="duration"/>.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var until = now + duration;
        if (await TakeAsync(db, name, holder, now, until, cancellationToken))
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }

        try
        {
            db.JobLeases.Add(new JobLeaseRecord { Name = name, Holder = holder, ExpiresAt = until });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another replica created the row first; it holds the lease.
            return false;
        }
    }

    /// <summary>Gives the lease up early (the job is done), so an on-demand run elsewhere need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var past = time.GetUtcNow() - TimeSpan.FromMilliseconds(1);
        await db.JobLeases.Where(l => l.Name == name && l.Holder == holder).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, past), cancellationToken);
    }

    public async Task<JobLeaseRecord?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.JobLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == name, cancellationToken);
    }

    private static async Task<bool> TakeAsync(PreviewsDbContext db, string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken) == 1;
}
