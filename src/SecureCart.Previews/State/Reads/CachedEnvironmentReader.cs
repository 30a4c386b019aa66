using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.State.Reads;

/// <summary>
/// The single-environment GET through <see cref="EnvironmentCache"/>; lists always read the store. The cache is keyed
/// by id alone and the team is checked on every request, so another team's id still reads as unknown.
/// </summary>
internal sealed class CachedEnvironmentReader(IEnvironmentReader store, EnvironmentCache cache) : IEnvironmentReader, IAsyncDisposable
{
    public async Task<EnvironmentRecord?> FindAsync(string team, Guid id, CancellationToken cancellationToken)
    {
        if (cache.TryGet(id, out var known))
        {
            return string.Equals(known.Team, team, StringComparison.Ordinal) ? known : null;
        }

        var stamp = cache.BeginLoad();
        var found = await store.FindAsync(team, id, cancellationToken);
        if (found is not null)
        {
            cache.Keep(stamp, found);
        }

        return found;
    }

    public Task<IReadOnlyList<EnvironmentRecord>> PageAsync(
        string team, bool includeDestroyed, EnvironmentPosition? after, int limit, CancellationToken cancellationToken) =>
        store.PageAsync(team, includeDestroyed, after, limit, cancellationToken);

    public ValueTask DisposeAsync() => store is IAsyncDisposable owned ? owned.DisposeAsync() : ValueTask.CompletedTask;
}
