using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Jobs;

/// <summary>Engine events go to the operation's durable event log, fenced: a worker that lost its lease stops here.</summary>
internal sealed class FencedEventSink(OperationQueue queue, OperationClaim claim) : IEngineEventSink
{
    public async ValueTask WriteAsync(EngineEvent engineEvent, CancellationToken cancellationToken) =>
        await queue.AppendEventsAsync(claim, [engineEvent], cancellationToken);

    public async ValueTask WriteManyAsync(IReadOnlyList<EngineEvent> engineEvents, CancellationToken cancellationToken) =>
        await queue.AppendEventsAsync(claim, engineEvents, cancellationToken);
}
