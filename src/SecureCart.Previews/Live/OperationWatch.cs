using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Endpoints;
using SecureCart.Previews.Hosting;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Live;

/// <summary>
/// One watcher's stream: the stored events after the one it last saw, then, each time the feed rings, the ones
/// written since; the final state once the operation has ended. The database is the only source of events, so
/// every replica serves the same ordered stream and a resume is the same read from a later sequence.
/// </summary>
internal sealed class OperationWatch(
    IDbContextFactory<PreviewsDbContext> contexts, OperationFeed feed, IOptions<LiveOptions> options, ILogger<OperationWatch> logger)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>What a browser waits before reconnecting after the stream drops.</summary>
    public static readonly TimeSpan ClientRetry = TimeSpan.FromSeconds(1);

    public async IAsyncEnumerable<SseItem<string>> StreamAsync(Guid operationId, int after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var subscription = feed.Subscribe(operationId);
        var last = after;
        var first = true;
        var failures = 0;
        while (true)
        {
            Snapshot? snapshot = null;
            try
            {
                snapshot = await ReadAsync(operationId, last, cancellationToken);
                if (failures > 0)
                {
                    Log.WatchResumed(logger, operationId, failures);
                    failures = 0;
                }
            }
            catch (Exception ex) when (StateUnavailable.Is(ex) && !cancellationToken.IsCancellationRequested)
            {
                // The stream stays open through an outage; the missed events are read when the database is back.
                if (failures++ == 0)
                {
                    Log.WatchReadFailed(logger, ex, operationId);
                }
            }

            if (snapshot is not null)
            {
                foreach (var item in snapshot.Events)
                {
                    var data = JsonSerializer.Serialize(new { sequence = item.Sequence, type = item.Type, message = item.Message, at = item.At }, s_json);
                    yield return Item(data, item.Type, item.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), ref first);
                    last = item.Sequence;
                }

                if (snapshot.Operation.Status is OperationStatus.Succeeded or OperationStatus.Failed or OperationStatus.Cancelled)
                {
                    yield return Item(JsonSerializer.Serialize(ViewMapper.ToView(snapshot.Operation), s_json), "end", null, ref first);
                    yield break;
                }
            }

            var wait = snapshot is null ? TimeSpan.FromMilliseconds(settings.OutageRetryMilliseconds) : TimeSpan.FromSeconds(settings.SafetyReadSeconds);
            await subscription.WaitAsync(wait, cancellationToken);
        }
    }

    private static SseItem<string> Item(string data, string type, string? id, ref bool first)
    {
        var item = new SseItem<string>(data, type) { EventId = id };
        if (first)
        {
            item = item with { ReconnectionInterval = ClientRetry };
            first = false;
        }

        return item;
    }

    private async Task<Snapshot> ReadAsync(Guid operationId, int after, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Status first, events second: the last event commits with the final status, so none is missed.
        var operation = await db.Operations.AsNoTracking().SingleAsync(o => o.Id == operationId, cancellationToken);
        var events = await db.OperationEvents.AsNoTracking()
            .Where(e => e.OperationId == operationId && e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return new Snapshot(operation, events);
    }

    private sealed record Snapshot(OperationRecord Operation, List<OperationEventRecord> Events);
}
