using System.Collections.Immutable;
using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>Turns one step of either format into a <see cref="PreviewStep"/>.</summary>
internal static class StepParser
{
    /// <summary>`display.PreviewStep`: op, urn, provider, oldState, newState, diffReasons, replaceReasons, detailedDiff{kind, inputDiff}.</summary>
    public static PreviewStep FromPreview(JsonElement step, string where, bool keep)
    {
        if (step.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where} must be an object, not {JsonFields.Kind(step)}");
        }

        return new PreviewStep
        {
            Op = JsonFields.RequiredString(step, "op", where),
            Urn = Urn(JsonFields.RequiredString(step, "urn", where), where),
            Old = StateParser.Parse(JsonFields.Get(step, "oldState"), $"{where}.oldState", keep),
            New = StateParser.Parse(JsonFields.Get(step, "newState"), $"{where}.newState", keep),
            DiffReasons = JsonFields.Strings(step, "diffReasons", where),
            ReplaceReasons = JsonFields.Strings(step, "replaceReasons", where),
            DetailedDiff = DetailedDiff(step, "kind", where),
        };
    }

    /// <summary>`apitype.StepEventMetadata`: op, urn, type, old, new, keys (replace), diffs, detailedDiff{diffKind, inputDiff}.</summary>
    public static PreviewStep FromEvent(JsonElement metadata, string where, bool keep) => new()
    {
        Op = JsonFields.RequiredString(metadata, "op", where),
        Urn = Urn(JsonFields.RequiredString(metadata, "urn", where), where),
        Old = StateParser.Parse(JsonFields.Get(metadata, "old"), $"{where}.old", keep),
        New = StateParser.Parse(JsonFields.Get(metadata, "new"), $"{where}.new", keep),
        DiffReasons = JsonFields.Strings(metadata, "diffs", where),
        ReplaceReasons = JsonFields.Strings(metadata, "keys", where),
        DetailedDiff = DetailedDiff(metadata, "diffKind", where),
    };

    private static ImmutableDictionary<string, PropertyDiff>? DetailedDiff(JsonElement step, string kindField, string where)
    {
        var diff = JsonFields.Object(step, "detailedDiff", where);
        if (diff.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var builder = ImmutableDictionary.CreateBuilder<string, PropertyDiff>(StringComparer.Ordinal);
        foreach (var property in diff.EnumerateObject())
        {
            var entryWhere = $"{where}.detailedDiff[\"{property.Name}\"]";
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{entryWhere} must be an object, not {JsonFields.Kind(property.Value)}");
            }

            builder[property.Name] = new PropertyDiff(
                JsonFields.String(property.Value, kindField, entryWhere) ?? "update",
                JsonFields.Bool(property.Value, "inputDiff", entryWhere));
        }

        return builder.ToImmutable();
    }

    private static ResourceUrn Urn(string value, string where) =>
        ResourceUrn.TryParse(value, out var urn)
            ? urn
            : throw new FormatException($"{where}.urn '{(value.Length > 80 ? value[..80] + "…" : value)}' is not a Pulumi URN");
}
