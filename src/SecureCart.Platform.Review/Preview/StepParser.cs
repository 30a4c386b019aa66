using System.Collections.Immutable;
using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>Turns one step of either format into a <see cref="PreviewStep"/>.</summary>
internal static class StepParser
{
    /// <summary>`display.PreviewStep`: op, urn, provider, oldState, newState, diffReasons, replaceReasons, detailedDiff{kind, inputDiff}.</summary>
    public static PreviewStep FromPreview(JsonElement step, int index, long line, bool keep, StringPool pool)
    {
        var where = $"steps[{index}]";
        if (step.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where} must be an object, not {JsonFields.Kind(step)}");
        }

        var urn = Urn(JsonFields.RequiredString(step, "urn", where), where, pool);
        var old = StateParser.Parse(JsonFields.Get(step, "oldState"), $"{where}.oldState", keep, pool, urn.Value);
        return new PreviewStep
        {
            Op = JsonFields.RequiredString(step, "op", where, pool),
            Urn = urn,
            Old = old,
            New = StateParser.Parse(JsonFields.Get(step, "newState"), $"{where}.newState", keep, pool, urn.Value, old?.Id),
            DiffReasons = JsonFields.Strings(step, "diffReasons", where, pool),
            ReplaceReasons = JsonFields.Strings(step, "replaceReasons", where, pool),
            DetailedDiff = DetailedDiff(step, "kind", where, pool),
            Line = line,
        };
    }

    /// <summary>`apitype.StepEventMetadata`: op, urn, type, old, new, keys (replace), diffs, detailedDiff{diffKind, inputDiff}.</summary>
    public static PreviewStep FromEvent(JsonElement metadata, string where, bool keep, StringPool pool, long line = 0)
    {
        var urn = Urn(JsonFields.RequiredString(metadata, "urn", where), where, pool);
        var old = StateParser.Parse(JsonFields.Get(metadata, "old"), $"{where}.old", keep, pool, urn.Value);
        return new PreviewStep
        {
            Op = JsonFields.RequiredString(metadata, "op", where, pool),
            Urn = urn,
            Old = old,
            New = StateParser.Parse(JsonFields.Get(metadata, "new"), $"{where}.new", keep, pool, urn.Value, old?.Id),
            DiffReasons = JsonFields.Strings(metadata, "diffs", where, pool),
            ReplaceReasons = JsonFields.Strings(metadata, "keys", where, pool),
            DetailedDiff = DetailedDiff(metadata, "diffKind", where, pool),
            Line = line,
        };
    }

    private static ImmutableDictionary<string, PropertyDiff>? DetailedDiff(JsonElement step, string kindField, string where, StringPool pool)
    {
        var diff = JsonFields.Object(step, "detailedDiff", where);
        if (diff.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var builder = ImmutableDictionary.CreateBuilder<string, PropertyDiff>(StringComparer.Ordinal);
        foreach (var property in diff.EnumerateObject())
        {
            var name = pool.Name(property);
            PropertyDiff entry;
            try
            {
                entry = Entry(property.Value, kindField, "", pool);
            }
            catch (FormatException)
            {
                // Where the entry is, only to say so: read it again with its place named, which throws the same
                // problem in full. Naming it up front cost a string per entry of every step.
                Entry(property.Value, kindField, $"{where}.detailedDiff[\"{name}\"]", pool);
                throw;
            }

            builder[name] = entry;
        }

        return builder.ToImmutable();
    }

    private static PropertyDiff Entry(JsonElement entry, string kindField, string where, StringPool pool) =>
        entry.ValueKind == JsonValueKind.Object
            ? new PropertyDiff(
                JsonFields.String(entry, kindField, where, pool) ?? "update",
                JsonFields.Bool(entry, "inputDiff", where))
            : throw new FormatException($"{where} must be an object, not {JsonFields.Kind(entry)}");

    private static ResourceUrn Urn(string value, string where, StringPool pool) =>
        ResourceUrn.TryParse(value, pool, out var urn)
            ? urn
            : throw new FormatException($"{where}.urn '{(value.Length > 80 ? value[..80] + "…" : value)}' is not a Pulumi URN");
}
