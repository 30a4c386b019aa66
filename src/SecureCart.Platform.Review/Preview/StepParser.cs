using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>Turns one step of either format into a <see cref="PreviewStep"/>.</summary>
internal static class StepParser
{
    /// <summary>`display.PreviewStep`: op, urn, provider, oldState, newState, diffReasons, replaceReasons, detailedDiff{kind, inputDiff}.</summary>
    public static PreviewStep FromPreview(JsonElement step, int index, long line, bool keep, StringPool pool)
    {
        if (step.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"steps[{index}] must be an object, not {JsonFields.Kind(step)}");
        }

        var fields = StepFields.Of(step, preview: true);
        try
        {
            return Build(fields, "", "oldState", "newState", "kind", keep, pool, line);
        }
        catch (FormatException)
        {
            // Where the step is, only to say so: read it again with its place named, which throws the same
            // problem in full. Naming it up front made three strings for every step read.
            Build(fields, $"steps[{index}]", "oldState", "newState", "kind", keep, pool, line);
            throw;
        }
    }

    /// <summary>`apitype.StepEventMetadata`: op, urn, type, old, new, keys (replace), diffs, detailedDiff{diffKind, inputDiff}.</summary>
    public static PreviewStep FromEvent(JsonElement metadata, string where, bool keep, StringPool pool, long line = 0) =>
        Build(StepFields.Of(metadata, preview: false), where, "old", "new", "diffKind", keep, pool, line);

    // The fields are found in one walk over the step; each is then read and checked in the order the lookups
    // by name had (urn, old state, op, new state, reasons, detailed diff), so the first problem reported is the
    // same. A lookup by name walked the step's fields once per name and transcoded the name each time: on the
    // reading thread, which is the command's critical path, that was a tenth of its work.
    private static PreviewStep Build(StepFields f, string where, string oldName, string newName, string kindField, bool keep, StringPool pool, long line)
    {
        var urnText = JsonFields.StringOf(f.Urn, "urn", where) ?? throw new FormatException($"{where} has no `urn`");
        var urn = Urn(urnText, where, pool);
        var old = StateParser.Parse(f.Old, where.Length == 0 ? "" : $"{where}.{oldName}", keep, pool, urn.Value);
        return new PreviewStep
        {
            Op = JsonFields.StringOf(f.Op, "op", where, pool) ?? throw new FormatException($"{where} has no `op`"),
            Urn = urn,
            Old = old,
            New = StateParser.Parse(f.New, where.Length == 0 ? "" : $"{where}.{newName}", keep, pool, urn.Value, old?.Id),
            DiffReasons = JsonFields.StringsOf(f.DiffReasons, f.DiffReasonsName, where, pool),
            ReplaceReasons = JsonFields.StringsOf(f.ReplaceReasons, f.ReplaceReasonsName, where, pool),
            DetailedDiff = DetailedDiff(JsonFields.ObjectOf(f.DetailedDiff, "detailedDiff", where), kindField, where, pool),
            Line = line,
        };
    }

    private static PropertyDiffDictionary? DetailedDiff(JsonElement diff, string kindField, string where, StringPool pool)
    {
        if (diff.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var count = diff.GetPropertyCount();
        if (count == 0)
        {
            return PropertyDiffDictionary.Empty;
        }

        var entries = new KeyValuePair<string, PropertyDiff>[count];
        var i = 0;
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

            entries[i++] = new(name, entry);
        }

        return PropertyDiffDictionary.Of(entries);
    }

    private static PropertyDiff Entry(JsonElement entry, string kindField, string where, StringPool pool)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where} must be an object, not {JsonFields.Kind(entry)}");
        }

        // One walk for both fields, each the last of its name (as a lookup by name finds it); kind is checked first.
        JsonElement kind = default, inputDiff = default;
        foreach (var property in entry.EnumerateObject())
        {
            var name = RawName(property);
            if (name.SequenceEqual("inputDiff"u8))
            {
                inputDiff = property.Value;
            }
            else if (kindField == "kind" ? name.SequenceEqual("kind"u8) : name.SequenceEqual("diffKind"u8))
            {
                kind = property.Value;
            }
        }

        return new PropertyDiff(
            JsonFields.StringOf(kind, kindField, where, pool) ?? "update",
            JsonFields.BoolOf(inputDiff, "inputDiff", where));
    }

    /// <summary>The name's UTF-8 text: the raw bytes, unless escapes make them differ from it.</summary>
    internal static ReadOnlySpan<byte> RawName(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.Contains((byte)'\\') ? Encoding.UTF8.GetBytes(property.Name) : raw;
    }

    private static ResourceUrn Urn(string value, string where, StringPool pool) =>
        ResourceUrn.TryParse(value, pool, out var urn)
            ? urn
            : throw new FormatException($"{where}.urn '{(value.Length > 80 ? value[..80] + "…" : value)}' is not a Pulumi URN");

    /// <summary>The fields of a step that are read, each the last of its name; undefined when absent.</summary>
    private struct StepFields
    {
        public JsonElement Op, Urn, Old, New, DiffReasons, ReplaceReasons, DetailedDiff;

        public string DiffReasonsName, ReplaceReasonsName;

        public static StepFields Of(JsonElement step, bool preview)
        {
            var f = new StepFields
            {
                DiffReasonsName = preview ? "diffReasons" : "diffs",
                ReplaceReasonsName = preview ? "replaceReasons" : "keys",
            };
            if (step.ValueKind != JsonValueKind.Object)
            {
                return f;
            }

            foreach (var property in step.EnumerateObject())
            {
                if (preview)
                {
                    SetPreview(ref f, RawName(property), property.Value);
                }
                else
                {
                    SetEvent(ref f, RawName(property), property.Value);
                }
            }

            return f;
        }

        private static void SetPreview(ref StepFields f, ReadOnlySpan<byte> name, JsonElement value)
        {
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("op"u8): f.Op = value; break;
                case 3 when name.SequenceEqual("urn"u8): f.Urn = value; break;
                case 8 when name.SequenceEqual("oldState"u8): f.Old = value; break;
                case 8 when name.SequenceEqual("newState"u8): f.New = value; break;
                case 11 when name.SequenceEqual("diffReasons"u8): f.DiffReasons = value; break;
                case 12 when name.SequenceEqual("detailedDiff"u8): f.DetailedDiff = value; break;
                case 14 when name.SequenceEqual("replaceReasons"u8): f.ReplaceReasons = value; break;
                default: break;
            }
        }

        private static void SetEvent(ref StepFields f, ReadOnlySpan<byte> name, JsonElement value)
        {
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("op"u8): f.Op = value; break;
                case 3 when name.SequenceEqual("urn"u8): f.Urn = value; break;
                case 3 when name.SequenceEqual("old"u8): f.Old = value; break;
                case 3 when name.SequenceEqual("new"u8): f.New = value; break;
                case 4 when name.SequenceEqual("keys"u8): f.ReplaceReasons = value; break;
                case 5 when name.SequenceEqual("diffs"u8): f.DiffReasons = value; break;
                case 12 when name.SequenceEqual("detailedDiff"u8): f.DetailedDiff = value; break;
                default: break;
            }
        }
    }
}
