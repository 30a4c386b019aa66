namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// A bounded queue from one reading thread to one judging thread. A side with nothing to do sleeps on the lock
/// instead of spinning, and is woken only once there is half a queue's worth for it: on two cores the
/// judging thread's spin-waits for the next step (a `BlockingCollection` spins before it sleeps, every time the
/// queue runs dry) took some 8 % of a 100,000-step review's CPU, from the very thread it was waiting for.
/// </summary>
internal sealed class HandOverQueue<T>
{
    private readonly Queue<T> _items;
    private readonly int _capacity;
    private readonly int _batch;
    private readonly object _gate = new();
    private bool _completed;
    private bool _cancelled;
    private bool _takerWaiting;
    private bool _adderWaiting;
    private int _count;

    public HandOverQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _batch = Math.Max(1, capacity / 2);
        _items = new Queue<T>(capacity);
    }

    /// <summary>How many items wait to be taken, as of a moment ago: for the adder to judge which side is behind.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// At least this many items wake a waiting taker: while fewer wait, the taker is idle or about to be, so the
    /// adder is the side that holds the pipeline up.
    /// </summary>
    public int WakeBatch => _batch;

    /// <summary>Adds an item, waiting while the queue is full; throws once <see cref="Cancel"/> was called.</summary>
    public void Add(T item)
    {
        lock (_gate)
        {
            while (_items.Count >= _capacity && !_cancelled)
            {
                _adderWaiting = true;
                Monitor.Wait(_gate);
            }

            if (_cancelled)
            {
                throw new OperationCanceledException("the queue's consumer stopped");
            }

            if (_completed)
            {
                throw new InvalidOperationException("the queue was completed: nothing more may be added");
            }

            _items.Enqueue(item);
            Volatile.Write(ref _count, _items.Count);
            if (_takerWaiting && _items.Count >= _batch)
            {
                _takerWaiting = false;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>
    /// Takes the oldest item, waiting while the queue is empty; false once the queue is empty and
    /// <see cref="Complete"/> or <see cref="Cancel"/> was called.
    /// </summary>
    public bool TryTake(out T item)
    {
        lock (_gate)
        {
            while (_items.Count == 0 && !_completed && !_cancelled)
            {
                _takerWaiting = true;
                Monitor.Wait(_gate);
            }

            if (!_items.TryDequeue(out item!))
            {
                return false;
            }

            Volatile.Write(ref _count, _items.Count);

            if (_adderWaiting && _items.Count <= _capacity - _batch)
            {
                _adderWaiting = false;
                Monitor.PulseAll(_gate);
            }

            return true;
        }
    }

    /// <summary>Nothing more will be added: a waiting taker wakes, and takes what is left.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The taker stopped: a waiting adder wakes and throws, and so does every later add.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            _cancelled = true;
            Monitor.PulseAll(_gate);
        }
    }
}
