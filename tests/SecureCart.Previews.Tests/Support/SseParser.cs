namespace SecureCart.Previews.Tests.Support;

public sealed record SseEvent(string? Id, string Type, string Data);

/// <summary>Reads a text/event-stream body into events (comments and retry lines skipped).</summary>
public static class SseParser
{
    public static List<SseEvent> Parse(string body)
    {
        var events = new List<SseEvent>();
        foreach (var block in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? id = null, type = null, data = null;
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
                else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            }

            if (type is not null)
            {
                events.Add(new SseEvent(id, type, data ?? ""));
            }
        }

        return events;
    }
}
