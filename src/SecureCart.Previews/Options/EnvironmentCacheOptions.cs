using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

/// <summary>
/// The per-replica cache behind <c>GET /v1/environments/{id}</c>. On PostgreSQL it serves only while this replica's
/// change listener is connected; on SQLite (one process) the writers here invalidate it themselves.
/// </summary>
internal sealed class EnvironmentCacheOptions
{
    public const string Section = "Previews:EnvironmentCache";

    /// <summary>Off: every GET reads the database, as before the cache existed.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Environments kept per replica; beyond it the least recently used go first (an entry is a few hundred bytes).</summary>
    [Range(1, 10_000_000)] public int MaxEntries { get; set; } = 50_000;
}
