using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SecureCart.Previews.Live;

/// <summary>
/// This replica's fan-out of "operation X has new events": one wake-up per watcher, never a payload. Watchers read
/// the stored events themselves, so a wake-up that coalesces several writes, or one that arrives twice, loses nothing.
/// Fed by the PostgreSQL listener (writes on any replica) or, on SQLite, by the writers in this process.
/// </summary>
internal sealed class OperationFeed
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> _watchers = new();
    private long _generation;

    /// <summary>Watchers at this moment, all operations together.</summary>
    public int WatcherCount => _watchers.Values.Sum(set => set.Count);

    /// <summary>Subscribe before the first read: a write that lands between that read and the wait still wakes it.</summary>
    public Subscription Subscribe(Guid operationId)
    {
        var subscription = new Subscription(this, operationId);
        _watchers.GetOrAdd(operationId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    /// <summary>Operation <paramref name="operationId"/> has new stored events (or a new status).</summary>
    public void Publish(Guid operationId)
    {
        // Before the ring, and whether or not anyone watches here: a watcher arriving later must not trust a read older than this.
        Bump();
        if (_watchers.TryGetValue(operationId, out var set))
        {
            foreach (var subscription in set.Keys)
            {
                subscription.Wake();
            }
        }
    }

    /// <summary>After the notification channel was down: anything may have changed, so every watcher reads again.</summary>
    public void PublishAll()
    {
        Bump();
        foreach (var set in _watchers.Values)
        {
            foreach (var subscription in set.Keys)
            {
                subscription.Wake();
            }
        }
    }

    /// <summary>
    /// Rises on every ring (one counter for all operations: simple, and never stale). A read that began at or after
    /// generation g has seen every write that rang before g, so watchers woken at g may share it (see <see cref="SharedReads"/>).
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Asks for a read newer than any so far (a watcher's safety read, or a retry after a failed one).</summary>
    public long Bump() => Interlocked.Increment(ref _generation);

    /// <summary>Raised when the last watcher of an operation leaves, so shared state for it can go.</summary>
    public event Action<Guid>? Unwatched;

    private void Remove(Subscription subscription)
    {
        if (_watchers.TryGetValue(subscription.OperationId, out var set))
        {
            set.TryRemove(subscription, out _);
            if (set.IsEmpty)
            {
                // A watcher subscribing at this instant re-adds its own set; an empty one left behind is only a few bytes.
                if (_watchers.TryRemove(new KeyValuePair<Guid, ConcurrentDictionary<Subscription, byte>>(subscription.OperationId, set)))
                {
                    Unwatched?.Invoke(subscription.OperationId);
                }
            }
        }
    }

    /// <summary>One watcher's doorbell: at most one pending ring, so a burst of writes costs one read.</summary>
    internal sealed class Subscription(OperationFeed feed, Guid operationId) : IDisposable
    {
        private readonly Channel<bool> _bell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        public Guid OperationId { get; } = operationId;

        public void Wake() => _bell.Writer.TryWrite(true);

        /// <summary>True when rung, false when <paramref name="timeout"/> passed first.</summary>
        public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (_bell.Reader.TryRead(out _))
            {
                return true;
            }

            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            try
            {
                await _bell.Reader.ReadAsync(timer.Token);
                return true;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        public void Dispose() => feed.Remove(this);
    }
}
