using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.Api;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Endpoints;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.DeveloperConsole;

/// <summary>What the console shows, read with the API's own view mapping (status, cost so far and expiry mean the same in both).</summary>
internal sealed class ConsoleQueries(IDbContextFactory<PreviewsDbContext> contexts, ViewMapper views)
{
    /// <summary>A page is for people: the newest live environments, bounded; the API lists them all.</summary>
    public const int MaxListed = 200;
    private const int MaxEvents = 200;

    public async Task<IReadOnlyList<EnvironmentView>> LiveAsync(string team, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Environments.AsNoTracking()
            .Where(e => e.Team == team && e.Status != EnvironmentStatus.Destroyed)
            .OrderByDescending(e => e.CreatedAt)
            .Take(MaxListed)
            .ToListAsync(cancellationToken);
        return [.. records.Select(views.ToView)];
    }

    public async Task<EnvironmentView?> FindAsync(string team, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Environments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.Team == team, cancellationToken);
        return record is null ? null : views.ToView(record);
    }

    /// <summary>The stored events of one of the team's operations, oldest first (what the live view replays).</summary>
    public async Task<IReadOnlyList<OperationEventRecord>> EventsAsync(string team, Guid operationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = await db.Operations.AsNoTracking().AnyAsync(o => o.Id == operationId && o.Team == team, cancellationToken);
        if (!visible)
        {
            return [];
        }

        return await db.OperationEvents.AsNoTracking()
            .Where(e => e.OperationId == operationId)
            .OrderBy(e => e.Sequence)
            .Take(MaxEvents)
            .ToListAsync(cancellationToken);
    }
}
