using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.State.Reads;

/// <summary>
/// The API's hot reads. Nothing here is cached: an environment changes on whichever replica runs its operation, so
/// every read asks the shared store, and the speed comes from how cheaply it asks.
/// </summary>
internal interface IEnvironmentReader
{
    /// <summary>The environment if it belongs to <paramref name="team"/>; null otherwise (another team's id reads as unknown).</summary>
    Task<EnvironmentRecord?> FindAsync(string team, Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> environments of <paramref name="team"/> after <paramref name="after"/>, in the
    /// one stable order (creation time, then id), so a page boundary never skips or repeats a row.
    /// </summary>
    Task<IReadOnlyList<EnvironmentRecord>> PageAsync(string team, bool includeDestroyed, EnvironmentPosition? after, int limit, CancellationToken cancellationToken);
}
