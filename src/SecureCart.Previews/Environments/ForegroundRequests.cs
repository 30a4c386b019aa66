namespace SecureCart.Previews.Environments;

/// <summary>
/// The creates in flight on this replica, which the deploy worker yields to. Both share the replica's cores and the
/// database's commit path: a claim or a completion that runs while a burst of creates waits for its transaction adds
/// its round trips and WAL flush to theirs. So a worker slot waits for a moment with no create in flight — but never
/// longer than its bound, so deploys still advance under steady traffic.
/// </summary>
internal sealed class ForegroundRequests(TimeProvider time)
{
    /// <summary>How long no create may have been in flight before the worker takes the moment as quiet.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private int _inFlight;
    private long _entered;
    private long _quietSince;
    private TaskCompletionSource _quiet = Quiet();

    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Counts a request as in flight until the returned scope is disposed.</summary>
    public IDisposable Enter()
    {
        lock (_gate)
        {
            _entered++;
            if (_inFlight++ == 0)
            {
                _quiet = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Scope(this);
    }

    /// <summary>
    /// Returns once no request has been in flight for <paramref name="settle"/>, or after <paramref name="bound"/>,
    /// whichever comes first. True when it found a quiet moment, false when the bound ran out. The settle time matters
    /// because a shared transaction answers all its requests at once: the count touches zero for an instant, and the
    /// same clients' next requests arrive right behind their replies.
    /// </summary>
    public async Task<bool> WaitQuietAsync(TimeSpan bound, TimeSpan settle, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task? expiry = null;
        try
        {
            while (true)
            {
                Task quiet;
                long entered;
                TimeSpan left;
                lock (_gate)
                {
                    quiet = _quiet.Task;
                    entered = _entered;
                    left = settle - time.GetElapsedTime(_quietSince);
                    if (_inFlight == 0 && left <= TimeSpan.Zero)
                    {
                        return true;
                    }
                }

                if (bound <= TimeSpan.Zero)
                {
                    return false;
                }

                // Either wait for the last request to end, or for the rest of the settle time: then look again.
                expiry ??= Task.Delay(bound, time, timer.Token);
                var next = quiet.IsCompleted ? Task.Delay(left, time, timer.Token) : quiet;
                // A cancelled wait ends both timers at once, and WhenAny may name either.
                if (await Task.WhenAny(next, expiry) == expiry || cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                lock (_gate)
                {
                    if (quiet.IsCompleted && _inFlight == 0 && _entered == entered && time.GetElapsedTime(_quietSince) >= settle)
                    {
                        return true;
                    }
                }
            }
        }
        finally
        {
            await timer.CancelAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return false;
    }

    private void Leave()
    {
        lock (_gate)
        {
            if (--_inFlight == 0)
            {
                _quietSince = time.GetTimestamp();
                _quiet.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Quiet()
    {
        var quiet = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        quiet.SetResult();
        return quiet;
    }

    private sealed class Scope(ForegroundRequests owner) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            // Leaves once, however often it is disposed.
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave();
            }
        }
    }
}
