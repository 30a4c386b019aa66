using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Options;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.State.Reads;

/// <summary>
/// Environments as last read by this replica, keyed by id. Whole rows, never views: cost so far depends on the clock
/// and team scoping on the caller, so both are worked out per request from the row.
/// <para>
/// Correct across replicas only while change notices can reach it. Every entry carries the epoch it was loaded in: a
/// number that changes each time the listener starts listening, and is 0 while it is not (then nothing is served or
/// kept). A load is kept only if no invalidation and no epoch change happened while it ran, so a row read before a
/// change and returned after its notice is dropped instead of outliving the notice.
/// </para>
/// </summary>
internal sealed class EnvironmentCache : IDisposable
{
    private readonly MemoryCache _entries;
    private readonly Lock _gate = new();
    private long _epoch;
    private long _version;
    private long _hits;
    private long _misses;

    public EnvironmentCache(IOptions<EnvironmentCacheOptions> options, StateDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dialect);
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.MaxEntries });

        // SQLite is one process and every writer is here: always "listening". PostgreSQL waits for the listener.
        _epoch = dialect.IsPostgres ? 0 : 1;
    }

    /// <summary>Whether entries are served now (false while the PostgreSQL listener is down).</summary>
    public bool Serving => Volatile.Read(ref _epoch) != 0;

    /// <summary>GETs answered from memory so far (a figure for tests and the benchmark).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>GETs that went to the database so far.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    public bool TryGet(Guid id, [NotNullWhen(true)] out EnvironmentRecord? record)
    {
        var epoch = Volatile.Read(ref _epoch);
        if (epoch != 0 && _entries.TryGetValue(id, out Entry? entry) && entry!.Epoch == epoch)
        {
            Interlocked.Increment(ref _hits);
            record = entry.Record;
            return true;
        }

        Interlocked.Increment(ref _misses);
        record = null;
        return false;
    }

    /// <summary>Taken before the database read: what <see cref="Keep"/> checks nothing changed against.</summary>
    public LoadStamp BeginLoad()
    {
        lock (_gate)
        {
            return new LoadStamp(_epoch, _version);
        }
    }

    /// <summary>Keeps a row read since <paramref name="stamp"/>, unless a change or a listener change came in between.</summary>
    public void Keep(LoadStamp stamp, EnvironmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (stamp.Epoch == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_epoch == stamp.Epoch && _version == stamp.Version)
            {
                _entries.Set(record.Id, new Entry(record, stamp.Epoch), new MemoryCacheEntryOptions { Size = 1 });
            }
        }
    }

    /// <summary>The environment changed (a notice from the database, or a commit on this replica).</summary>
    public void Invalidate(Guid id)
    {
        lock (_gate)
        {
            _version++;
            _entries.Remove(id);
        }
    }

    /// <summary>
    /// The listener's connection <paramref name="connection"/> (1, 2, …) is listening: changes from now on will be
    /// heard, those before were not, so everything known so far goes and loads from now on may be kept.
    /// </summary>
    public void Listening(long connection)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(connection, 1);
        lock (_gate)
        {
            _version++;
            _entries.Clear();
            _epoch = connection;
        }
    }

    /// <summary>The listener lost its connection (or stopped): changes may go unheard, so nothing is served or kept.</summary>
    public void NotListening()
    {
        lock (_gate)
        {
            _version++;
            _epoch = 0;
            _entries.Clear();
        }
    }

    public void Dispose() => _entries.Dispose();

    internal readonly record struct LoadStamp(long Epoch, long Version);

    private sealed record Entry(EnvironmentRecord Record, long Epoch);
}
