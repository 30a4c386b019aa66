using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.State.Reads;

/// <summary>
/// The API's hot reads, from the shared store: an environment changes on whichever replica runs its operation. The
/// single-environment read may be served by <see cref="CachedEnvironmentReader"/>, which is told of every change.
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
