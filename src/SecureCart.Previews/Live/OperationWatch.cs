using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Endpoints;
using SecureCart.Previews.Hosting;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.Live;

/// <summary>
/// One watcher's stream: the stored events after the one it last saw, then, each time the feed rings, the ones
/// written since (read once per replica for all its watchers, see <see cref="SharedReads"/>); the final state once
/// the operation has ended. The database is the only source of events, so
/// every replica serves the same ordered stream and a resume is the same read from a later sequence.
/// </summary>
internal sealed class OperationWatch(SharedReads reads, OperationFeed feed, IOptions<LiveOptions> options, ILogger<OperationWatch> logger)
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
        var wanted = feed.Generation;
        while (true)
        {
            OperationSnapshot? snapshot = null;
            try
            {
                snapshot = await reads.ReadAsync(operationId, wanted, cancellationToken);
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
                foreach (var item in snapshot.Events.Where(e => e.Sequence > last))
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
            var rung = await subscription.WaitAsync(wait, cancellationToken);

            // Rung: the read that follows the ring is shared with every watcher it woke. Not rung (a safety read, or
            // a retry after a failed read): ask for a read newer than any so far.
            wanted = rung && snapshot is not null ? feed.Generation : feed.Bump();
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

}
