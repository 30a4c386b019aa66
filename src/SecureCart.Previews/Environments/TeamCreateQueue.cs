using System.Collections.Concurrent;
using System.Diagnostics;

namespace SecureCart.Previews.Environments;

/// <summary>
/// One team's creates on this replica share transactions. A team's writes are ordered by its audit chain head, so
/// one at a time they would each wait for every earlier one's round trip and WAL flush. Here the first create of a
/// team runs a transaction; the creates that arrive meanwhile wait and go together in the next one, decided in
/// arrival order. Nothing waits on a timer, and each request still answers only after its own rows committed.
/// </summary>
internal sealed class TeamCreateQueue(PostgresCreate store)
{
    /// <summary>Bounds one transaction's size: beyond it a batch's own round trip would start to outweigh the wait.</summary>
    public const int MaxBatch = 64;

    private readonly ConcurrentDictionary<string, Team> _teams = new(StringComparer.Ordinal);

    public Task<CreateAttempt> SubmitAsync(PendingCreate create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        var waiting = new Waiting(create, Activity.Current, cancellationToken);
        var team = _teams.GetOrAdd(create.Rows.Environment.Team, _ => new Team());
        bool run;
        lock (team)
        {
            team.Queue.Enqueue(waiting);
            run = !team.Running;
            team.Running = true;
        }

        if (run)
        {
            // Not the request's own task: the loop outlives this request while later creates of the team wait on it.
            _ = Task.Run(() => DrainAsync(team), CancellationToken.None);
        }

        return waiting.Result.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync(Team team)
    {
        while (true)
        {
            var batch = new List<Waiting>();
            lock (team)
            {
                while (batch.Count < MaxBatch && team.Queue.TryDequeue(out var next))
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
                    team.Running = false;
                    return;
                }
            }

            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<Waiting> batch)
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
            var attempts = await store.CommitAsync([.. batch.Select(w => w.Create)], allGone.Token);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(attempts[i]);
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

    private sealed class Team
    {
        public Queue<Waiting> Queue { get; } = new();
        public bool Running { get; set; }
    }

    private sealed record Waiting(PendingCreate Create, Activity? Activity, CancellationToken Cancellation)
    {
        public TaskCompletionSource<CreateAttempt> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
