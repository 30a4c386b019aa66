using SecureCart.Previews.Engine;
using SecureCart.Previews.Logging;

namespace SecureCart.Previews.Jobs;

/// <summary>
/// Engine events go to the operation's durable event log, fenced: a worker that lost its lease stops here. When the
/// database is unreachable the write waits and retries with the numbers it reserved, so the engine pauses rather than
/// fails; if the outage outlasts the lease, the lease guard cancels the token and the wait ends.
/// </summary>
internal sealed class FencedEventSink(OperationQueue queue, OperationClaim claim, TimeSpan retryEvery, ILogger logger) : IEngineEventSink
{
    public ValueTask WriteAsync(EngineEvent engineEvent, CancellationToken cancellationToken) =>
        WriteManyAsync([engineEvent], cancellationToken);

    public async ValueTask WriteManyAsync(IReadOnlyList<EngineEvent> engineEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engineEvents);
        if (engineEvents.Count == 0)
        {
            return;
        }

        var first = claim.TakeSequences(engineEvents.Count);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await queue.AppendEventsAsync(claim, first, engineEvents, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not LeaseLostException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt == 1)
                {
                    Log.EventWriteRetrying(logger, ex, claim.OperationId);
                }

                await Task.Delay(retryEvery, cancellationToken);
            }
        }
    }
}
