using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.Domain;

namespace SecureCart.Previews.State.Reads;

/// <summary>
/// The money figures a list shows for the whole team, whichever page is read: only the three columns they need, so
/// a team with thousands of environments costs one narrow scan of its index range, not thousands of full rows.
/// </summary>
internal sealed class EnvironmentTotals(IDbContextFactory<PreviewsDbContext> contexts)
{
    public async Task<IReadOnlyList<EnvironmentCost>> ReadAsync(string team, bool includeDestroyed, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Environments.AsNoTracking().Where(e => e.Team == team);
        if (!includeDestroyed)
        {
            query = query.Where(e => e.Status != EnvironmentStatus.Destroyed);
        }

        return await query.Select(e => new EnvironmentCost(e.CostPerHour, e.CreatedAt, e.DestroyedAt, e.Status != EnvironmentStatus.Destroyed)).ToListAsync(cancellationToken);
    }
}

internal sealed record EnvironmentCost(decimal CostPerHour, DateTimeOffset CreatedAt, DateTimeOffset? DestroyedAt, bool Live);
