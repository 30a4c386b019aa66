using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Pulumi.Automation;

namespace SecureCart.Previews.Automation;

/// <summary>Stack outputs as the strings an environment stores: text as is, anything else as JSON.</summary>
internal static class StackOutputs
{
    /// <summary>
    /// The Automation API hands maps and lists back as Dictionary/List objects, whose ToString is the type name;
    /// JSON keeps what a client needs (a service's name, a queue's URL). Secret outputs are left out.
    /// </summary>
    public static ImmutableDictionary<string, string> ToStored(IReadOnlyDictionary<string, OutputValue> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return outputs
            .Where(o => !o.Value.IsSecret && o.Value.Value is not null)
            .ToImmutableDictionary(o => o.Key, o => o.Value.Value is string text ? text : JsonSerializer.Serialize(o.Value.Value), StringComparer.Ordinal);
    }

    /// <summary>The listener slot an earlier update exported, if any.</summary>
    public static int? ListenerSlot(IReadOnlyDictionary<string, OutputValue> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (!outputs.TryGetValue("listenerSlot", out var slot) || slot.Value is null)
        {
            return null;
        }

        return slot.Value switch
        {
            int i => i,
            long l => checked((int)l),
            double d => checked((int)d),
            JsonElement { ValueKind: JsonValueKind.Number } e => e.GetInt32(),
            _ => int.Parse(slot.Value.ToString()!, CultureInfo.InvariantCulture),
        };
    }
}
