using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.Domain;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.State.Reads;

/// <summary>
/// The reader on the embedded store (SQLite): EF Core with the GET compiled once, since building and looking up the
/// query's expression on every call cost more than the read itself.
/// </summary>
internal sealed class EntityEnvironmentReader(IDbContextFactory<PreviewsDbContext> contexts) : IEnvironmentReader
{
    private static readonly Func<PreviewsDbContext, string, Guid, CancellationToken, Task<EnvironmentRecord?>> s_find =
        EF.CompileAsyncQuery((PreviewsDbContext db, string team, Guid id, CancellationToken _) =>
            db.Environments.AsNoTracking().FirstOrDefault(e => e.Id == id && e.Team == team));

    public async Task<EnvironmentRecord?> FindAsync(string team, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await s_find(db, team, id, cancellationToken);
    }

    public async Task<IReadOnlyList<EnvironmentRecord>> PageAsync(
        string team, bool includeDestroyed, EnvironmentPosition? after, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Environments.AsNoTracking().Where(e => e.Team == team);
        if (!includeDestroyed)
        {
            query = query.Where(e => e.Status != EnvironmentStatus.Destroyed);
        }

        if (after is not null)
        {
            var at = after.CreatedAt;
            var id = after.Id;
            query = query.Where(e => e.CreatedAt > at || (e.CreatedAt == at && e.Id.CompareTo(id) > 0));
        }

        return await query.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
