using System.Diagnostics;

namespace SecureCart.Previews.Tests.Support;

/// <summary>
/// A live text/event-stream read as it arrives: events are parsed line by line and collected, with the time each one
/// arrived, so a test can wait for a given event on several streams at once.
/// </summary>
public sealed class SseWatcher : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<(SseEvent Event, long At)> _events = [];
    private readonly Task _reading;
    private string? _retry;

    private SseWatcher(HttpResponseMessage response)
    {
        _response = response;
        _reading = ReadAsync();
    }

    public string? Retry => _retry;

    public bool Ended => Events.Any(e => e.Type == "end");

    public IReadOnlyList<SseEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events.Select(e => e.Event)];
            }
        }
    }

    public static async Task<SseWatcher> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseWatcher(response);
    }

    /// <summary>Waits until an event matches; returns the Stopwatch timestamp when it arrived.</summary>
    public async Task<long> WaitForAsync(Func<SseEvent, bool> match, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            lock (_gate)
            {
                foreach (var (item, at) in _events)
                {
                    if (match(item))
                    {
                        return at;
                    }
                }
            }

            if (Stopwatch.GetTimestamp() > deadline || _reading.IsCompleted)
            {
                throw new TimeoutException($"no matching event within {timeout}; got {string.Join(", ", Events.Select(e => $"{e.Id}:{e.Type}:{e.Data}"))}");
            }

            await Task.Delay(10);
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var body = await _response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(body);
            string? id = null, type = null, data = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (type is not null || data is not null)
                    {
                        lock (_gate)
                        {
                            _events.Add((new SseEvent(id, type ?? "message", data ?? ""), Stopwatch.GetTimestamp()));
                        }
                    }

                    id = type = data = null;
                }
                else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
                else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
                else if (line.StartsWith("retry: ", StringComparison.Ordinal)) _retry = line[7..];
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // The test closed the stream.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _response.Dispose();
        _stop.Dispose();
    }
}
