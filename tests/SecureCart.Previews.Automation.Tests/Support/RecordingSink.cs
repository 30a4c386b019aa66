using System.Collections.Concurrent;
using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Automation.Tests.Support;

internal sealed class RecordingSink : IEngineEventSink
{
    private readonly ConcurrentQueue<EngineEvent> _events = new();

    public IReadOnlyList<EngineEvent> Events => [.. _events];

    public ValueTask WriteAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(engineEvent);
        return ValueTask.CompletedTask;
    }
}
