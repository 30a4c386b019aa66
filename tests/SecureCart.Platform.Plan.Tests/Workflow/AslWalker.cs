using System.Text.Json;

namespace SecureCart.Platform.Plan.Tests.Workflow;

/// <summary>
/// Walks an ASL definition the way Step Functions moves between states: a Task either succeeds (Next/End) or
/// fails with an error after its retries, and then the first Catch whose ErrorEquals matches decides
/// (<c>States.ALL</c> matches anything; <c>States.TaskFailed</c> anything but <c>States.Timeout</c>).
/// </summary>
internal static class AslWalker
{
    /// <summary>The states visited, and the execution's end: "Succeeded", "Failed" or "Failed: ERROR" when an error escapes.</summary>
    public static (List<string> Path, string Outcome) Walk(JsonElement definition, IReadOnlyDictionary<string, string> failures)
    {
        var states = definition.GetProperty("States");
        var path = new List<string>();
        var current = definition.GetProperty("StartAt").GetString()!;
        while (path.Count < 100)
        {
            path.Add(current);
            var state = states.GetProperty(current);
            if (state.GetProperty("Type").GetString() == "Fail")
            {
                return (path, "Failed");
            }

            if (failures.TryGetValue(current, out var error))
            {
                var handler = state.TryGetProperty("Catch", out var catches)
                    ? catches.EnumerateArray().FirstOrDefault(c => c.GetProperty("ErrorEquals").EnumerateArray().Any(e => Matches(e.GetString()!, error)))
                    : default;
                if (handler.ValueKind == JsonValueKind.Undefined)
                {
                    return (path, $"Failed: {error}");
                }

                current = handler.GetProperty("Next").GetString()!;
                continue;
            }

            if (state.TryGetProperty("End", out var end) && end.GetBoolean())
            {
                return (path, "Succeeded");
            }

            current = state.GetProperty("Next").GetString()!;
        }

        throw new InvalidOperationException("the walk does not end: " + string.Join(" -> ", path));
    }

    public static bool Matches(string errorEquals, string error) =>
        errorEquals == error || errorEquals == "States.ALL" || (errorEquals == "States.TaskFailed" && error != "States.Timeout");
}
