using System.Collections.Immutable;
using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// The stack outputs a change adds, changes or removes (the `pulumi:pulumi:Stack` resource's outputs, old and
/// new): other stacks and pipelines read them through `StackReference` and `pulumi stack output`.
/// </summary>
public static class OutputChanges
{
    public const string StackType = "pulumi:pulumi:Stack";

    /// <summary>Empty when the new outputs are not known (a preview's stack step carries none).</summary>
    public static ImmutableArray<PropertyChange> Between(JsonElement old, JsonElement now)
    {
        if (now.ValueKind != JsonValueKind.Object || !now.EnumerateObject().Any())
        {
            return [];
        }

        var changes = ImmutableArray.CreateBuilder<PropertyChange>();
        var before = old.ValueKind == JsonValueKind.Object ? old : default;
        foreach (var output in now.EnumerateObject())
        {
            var was = before.ValueKind == JsonValueKind.Object && before.TryGetProperty(output.Name, out var value) ? value : default;
            if (was.ValueKind == JsonValueKind.Undefined)
            {
                changes.Add(new PropertyChange(output.Name, "add", ValueText.Absent, ValueText.Format(output.Value, output.Name)));
            }
            else if (!JsonElement.DeepEquals(was, output.Value))
            {
                changes.Add(new PropertyChange(output.Name, "update", ValueText.Format(was, output.Name), ValueText.Format(output.Value, output.Name)));
            }
        }

        if (before.ValueKind == JsonValueKind.Object)
        {
            foreach (var output in before.EnumerateObject())
            {
                if (!now.TryGetProperty(output.Name, out _))
                {
                    changes.Add(new PropertyChange(output.Name, "delete", ValueText.Format(output.Value, output.Name), ValueText.Absent));
                }
            }
        }

        return changes.ToImmutable();
    }
}
