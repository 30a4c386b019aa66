using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Live;

/// <summary>
/// One database read per operation per replica for all its watchers: woken together by one write, they share the
/// read that started after that write rang, instead of each querying. Reads for an operation run one at a time and
/// fetch only events after the last one read; the events read so far are kept while anyone watches.
/// </summary>
internal sealed class SharedReads
{
    private readonly IDbContextFactory<PreviewsDbContext> _contexts;
    private readonly OperationFeed _feed;
    private readonly ConcurrentDictionary<Guid, Tail> _tails = new();
    private long _reads;

    public SharedReads(IDbContextFactory<PreviewsDbContext> contexts, OperationFeed feed)
    {
        _contexts = contexts;
        _feed = feed;
        feed.Unwatched += operationId => _tails.TryRemove(operationId, out _);
    }

    /// <summary>Database reads so far (a figure for tests and the benchmark).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>A snapshot read no earlier than generation <paramref name="atLeast"/> of the operation's feed.</summary>
    public Task<OperationSnapshot> ReadAsync(Guid operationId, long atLeast, CancellationToken cancellationToken)
    {
        var tail = _tails.GetOrAdd(operationId, _ => new Tail());
        Task<OperationSnapshot> read;
        lock (tail)
        {
            var current = tail.Read;
            if (current is not null && tail.Generation >= atLeast && !current.IsFaulted && !current.IsCanceled)
            {
                read = current;
            }
            else
            {
                // The generation is taken before the query can start, so this read sees every write that rang up to it.
                tail.Generation = _feed.Generation;
                read = tail.Read = NextAsync(operationId, current);
            }
        }

        // One watcher leaving must not cancel the read the others share.
        return read.WaitAsync(cancellationToken);
    }

    private async Task<OperationSnapshot> NextAsync(Guid operationId, Task<OperationSnapshot>? previous)
    {
        var known = ImmutableArray<OperationEventRecord>.Empty;
        if (previous is not null)
        {
            try
            {
                known = (await previous).Events;
            }
#pragma warning disable CA1031 // A failed earlier read only means this one starts from the beginning.
            catch (Exception)
#pragma warning restore CA1031
            {
                known = [];
            }
        }

        var after = known.IsEmpty ? 0 : known[^1].Sequence;
        Interlocked.Increment(ref _reads);
        await using var db = await _contexts.CreateDbContextAsync(CancellationToken.None);

        // Status first, events second: the last event commits with the final status, so none is missed.
        var operation = await db.Operations.AsNoTracking().SingleAsync(o => o.Id == operationId);
        var events = await db.OperationEvents.AsNoTracking()
            .Where(e => e.OperationId == operationId && e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .ToListAsync();
        return new OperationSnapshot(operation, known.AddRange(events));
    }

    private sealed class Tail
    {
        public Task<OperationSnapshot>? Read { get; set; }
        public long Generation { get; set; }
    }
}
