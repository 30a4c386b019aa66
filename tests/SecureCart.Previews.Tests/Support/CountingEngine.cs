using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Tests.Support;

/// <summary>
/// An engine that takes <c>duration</c> of wall-clock time per up and records every run: when it started and ended
/// (on one stopwatch), how it ended, and how many runs of the same operation were in flight at once. "Chatty" writes
/// an event every 200 ms (each one needs the database); otherwise it is quiet between its first and last event, like
/// a cloud deploy waiting on a slow resource.
/// </summary>
public sealed class CountingEngine(TimeSpan duration, bool chatty, bool finalEvent = true) : IPreviewEngine
{
    private static readonly TimeSpan s_step = TimeSpan.FromMilliseconds(200);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<Guid, int> _inFlight = new();
    private readonly ConcurrentQueue<EngineRun> _runs = new();
    private int _maxInFlight;

    public string Name => "counting";

    public bool CreatesResources => true;

    /// <summary>The most runs of one operation that were ever in flight at the same time.</summary>
    public int MaxInFlightPerOperation => Volatile.Read(ref _maxInFlight);

    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<EngineRun> Runs(Guid operationId) => [.. _runs.Where(r => r.OperationId == operationId).OrderBy(r => r.Started)];

    public int Started(Guid operationId) => _runs.Count(r => r.OperationId == operationId) + (_inFlight.TryGetValue(operationId, out var n) ? n : 0);

    public async Task<EngineResult> UpAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(events);
        var started = _clock.Elapsed;
        var inFlight = _inFlight.AddOrUpdate(request.OperationId, 1, (_, n) => n + 1);
        InterlockedMax(ref _maxInFlight, inFlight);
        var ending = "faulted";
        try
        {
            await events.WriteAsync(new EngineEvent("prelude", $"up {request.StackName}"), cancellationToken);
            var steps = (int)(duration / s_step);
            for (var i = 1; i <= steps; i++)
            {
                await Task.Delay(s_step, cancellationToken);
                if (chatty)
                {
                    await events.WriteAsync(new EngineEvent("resource", $"step {i}"), cancellationToken);
                }
            }

            if (finalEvent)
            {
                await events.WriteAsync(new EngineEvent("summary", "done"), cancellationToken);
            }

            ending = "succeeded";
            return new EngineResult(ImmutableDictionary<string, string>.Empty.Add("url", $"https://{request.Plan.Name}.preview.test"), "created");
        }
        catch (OperationCanceledException)
        {
            ending = "cancelled";
            throw;
        }
        finally
        {
            _inFlight.AddOrUpdate(request.OperationId, 0, (_, n) => n - 1);
            _runs.Enqueue(new EngineRun(request.OperationId, started, _clock.Elapsed, ending));
        }
    }

    public Task<EngineResult> DestroyAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken) =>
        Task.FromResult(new EngineResult(ImmutableDictionary<string, string>.Empty, "destroyed"));

    public Task CancelAsync(EngineRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}

public sealed record EngineRun(Guid OperationId, TimeSpan Started, TimeSpan Ended, string Ending);
