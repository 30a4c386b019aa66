using System.Threading.Channels;
using SecureCart.Previews.Engine;
using AutomationEngineEvent = Pulumi.Automation.Events.EngineEvent;
using PreviewEngineEvent = SecureCart.Previews.Engine.EngineEvent;

namespace SecureCart.Previews.Automation;

/// <summary>
/// The Automation API calls back synchronously on its own threads; a channel hands the events to the durable
/// (async, fenced) sink in order, batched: whatever arrived while the last write ran goes into the next one.
/// </summary>
internal sealed class EventForwarder
{
    private const int MaxEventsPerWrite = 100;

    private readonly Channel<PreviewEngineEvent> _channel = Channel.CreateUnbounded<PreviewEngineEvent>(new UnboundedChannelOptions { SingleReader = true });

    private EventForwarder()
    {
    }

    public static async Task<T> RunAsync<T>(IEngineEventSink sink, Func<EventForwarder, Task<T>> run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(run);
        var forwarder = new EventForwarder();
        var pump = Task.Run(() => forwarder.PumpAsync(sink, cancellationToken), cancellationToken);
        try
        {
            return await run(forwarder);
        }
        finally
        {
            forwarder._channel.Writer.TryComplete();
            await pump;
        }
    }

    public void OnEvent(AutomationEngineEvent engineEvent)
    {
        if (Map(engineEvent) is { } mapped)
        {
            _channel.Writer.TryWrite(mapped);
        }
    }

    public void OnOutput(string line) => _channel.Writer.TryWrite(new PreviewEngineEvent("stdout", line));

    /// <summary>An event of the engine's own (a refused listener slot), in order with the CLI's.</summary>
    public void Note(PreviewEngineEvent engineEvent) => _channel.Writer.TryWrite(engineEvent);

    private static PreviewEngineEvent? Map(AutomationEngineEvent e)
    {
        if (e.ResourcePreEvent is { } pre)
        {
            return new PreviewEngineEvent("resource", $"{pre.Metadata.Op.ToString().ToLowerInvariant()} {pre.Metadata.Type} {pre.Metadata.Urn}");
        }

        if (e.DiagnosticEvent is { } diagnostic)
        {
            return new PreviewEngineEvent("diagnostic", $"{diagnostic.Severity}: {diagnostic.Message}".TrimEnd());
        }

        if (e.SummaryEvent is { } summary)
        {
            return new PreviewEngineEvent("summary", string.Join(", ", summary.ResourceChanges.Select(c => $"{c.Key.ToString().ToLowerInvariant()} {c.Value}")) + $" in {summary.DurationSeconds}s");
        }

        return null;
    }

    private async Task PumpAsync(IEngineEventSink sink, CancellationToken cancellationToken)
    {
        while (await _channel.Reader.WaitToReadAsync(cancellationToken))
        {
            var batch = new List<PreviewEngineEvent>();
            while (batch.Count < MaxEventsPerWrite && _channel.Reader.TryRead(out PreviewEngineEvent? item))
            {
                batch.Add(item);
            }

            await sink.WriteManyAsync(batch, cancellationToken);
        }
    }
}
