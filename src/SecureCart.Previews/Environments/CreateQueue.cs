using System.Diagnostics;

namespace SecureCart.Previews.Environments;

/// <summary>
/// The replica's creates share transactions, whatever their teams. One at a time each would wait for its own round
/// trips and WAL flush; here the first create runs a transaction and the creates that arrive meanwhile wait and go
/// together in the next one (at most <see cref="MaxBatch"/>, decided in arrival order). A team whose audit head another
/// transaction holds is not waited for in the shared batch: its creates move to a lane of its own, which waits for
/// that head alone and takes the team's later creates until it has none left, so one busy team never holds up the
/// others. Nothing waits on a timer, and each request still answers only after its own rows committed.
/// </summary>
internal sealed class CreateQueue(PostgresCreate store)
{
    /// <summary>Bounds one transaction's size: beyond it a batch's own round trip would start to outweigh the wait.</summary>
    public const int MaxBatch = 64;

    private readonly Line _shared = new(null);
    private readonly Dictionary<string, Line> _lanes = new(StringComparer.Ordinal);

    // One lock for the shared line and the lanes: a team's creates move between them, and must never be in both.
    private readonly Lock _gate = new();

    public Task<CreateAttempt> SubmitAsync(PendingCreate create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        var waiting = new Waiting(create, Activity.Current, cancellationToken);
        lock (_gate)
        {
            Enqueue(_lanes.GetValueOrDefault(create.Rows.Environment.Team) ?? _shared, [waiting]);
        }

        return waiting.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Called under the gate. Starts the line's loop unless it runs already.</summary>
    private void Enqueue(Line line, IEnumerable<Waiting> creates)
    {
        foreach (var create in creates)
        {
            line.Queue.Enqueue(create);
        }

        if (!line.Running)
        {
            line.Running = true;
            // Not the request's own task: the loop outlives this request while later creates wait on it.
            _ = Task.Run(() => DrainAsync(line), CancellationToken.None);
        }
    }

    private async Task DrainAsync(Line line)
    {
        while (true)
        {
            var batch = new List<Waiting>();
            lock (_gate)
            {
                while (batch.Count < MaxBatch && line.Queue.TryDequeue(out var next))
                {
                    // A client that left before its turn gets nothing written.
                    if (!next.Cancellation.IsCancellationRequested)
                    {
                        batch.Add(next);
                    }
                    else
                    {
                        next.Result.TrySetCanceled(next.Cancellation);
                    }
                }

                if (batch.Count == 0)
                {
                    line.Running = false;
                    if (line.Team is { } team)
                    {
                        _lanes.Remove(team);
                    }

                    return;
                }
            }

            await CommitAsync(line, batch);
        }
    }

    private async Task CommitAsync(Line line, List<Waiting> batch)
    {
        // The transaction is given up only when every client in it has left.
        using var allGone = new CancellationTokenSource();
        var remaining = batch.Count;
        var registrations = batch.Select(w => w.Cancellation.Register(() =>
        {
            if (Interlocked.Decrement(ref remaining) == 0)
            {
                allGone.Cancel();
            }
        })).ToList();
        // The batch's database spans belong to the trace of the request that opened it, not to whichever ran the loop first.
        Activity.Current = batch[0].Activity;
        try
        {
            // A lane waits for its team's head; the shared line never waits for one.
            var attempts = await store.CommitAsync([.. batch.Select(w => w.Create)], waitForHeads: line.Team is not null, allGone.Token);
            var busy = new List<Waiting>();
            for (var i = 0; i < batch.Count; i++)
            {
                if (attempts[i] is { } attempt)
                {
                    batch[i].Result.TrySetResult(attempt);
                }
                else
                {
                    busy.Add(batch[i]);
                }
            }

            if (busy.Count > 0)
            {
                lock (_gate)
                {
                    foreach (var team in busy.GroupBy(w => w.Create.Rows.Environment.Team, StringComparer.Ordinal))
                    {
                        if (!_lanes.TryGetValue(team.Key, out var lane))
                        {
                            lane = new Line(team.Key);
                            _lanes.Add(team.Key, lane);
                        }

                        Enqueue(lane, team);
                    }
                }
            }
        }
#pragma warning disable CA1031 // Handed to every create of the batch: each request reports it as its own (503 when the database is away).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            batch.ForEach(w => w.Result.TrySetException(ex));
        }
        finally
        {
            registrations.ForEach(r => r.Dispose());
        }
    }

    /// <summary>The shared line (no team) or one team's lane, with the creates waiting on it.</summary>
    private sealed class Line(string? team)
    {
        public string? Team { get; } = team;
        public Queue<Waiting> Queue { get; } = new();
        public bool Running { get; set; }
    }

    private sealed record Waiting(PendingCreate Create, Activity? Activity, CancellationToken Cancellation)
    {
        public TaskCompletionSource<CreateAttempt> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
