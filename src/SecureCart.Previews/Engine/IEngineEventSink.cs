namespace SecureCart.Previews.Engine;

public interface IEngineEventSink
{
    ValueTask WriteAsync(EngineEvent engineEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Events that are ready together (a plan's resource list, a burst of engine output), in order. A durable sink
    /// writes them in one statement, which keeps a long deploy's event log from crowding the API's database work.
    /// </summary>
    async ValueTask WriteManyAsync(IReadOnlyList<EngineEvent> engineEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engineEvents);
        foreach (var engineEvent in engineEvents)
        {
            await WriteAsync(engineEvent, cancellationToken);
        }
    }
}
