using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Plans;

/// <summary>Reads a deployment plan file; anything else is a <see cref="PreviewFormatException"/>.</summary>
public static class PlanReader
{
    public static DeploymentPlan ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Read(File.ReadAllBytes(path), path);
    }

    public static DeploymentPlan Read(ReadOnlyMemory<byte> bytes, string source)
    {
        var span = bytes.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
            span = bytes.Span;
        }

        if (!Utf8.IsValid(span))
        {
            var at = 0;
            while (Rune.DecodeFromUtf8(span[at..], out _, out var length) == System.Buffers.OperationStatus.Done)
            {
                at += length;
            }

            throw new PreviewFormatException(source, 1 + span[..at].Count((byte)'\n'), at, "invalid UTF-8 in the plan file");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new PreviewFormatException(source, (ex.LineNumber ?? 0) + 1, ex.BytePositionInLine ?? 0, "the plan is not valid JSON", ex);
        }

        using (document)
        {
            try
            {
                return Parse(document.RootElement, source);
            }
            catch (FormatException ex)
            {
                throw new PreviewFormatException(source, 1, 0, ex.Message, ex);
            }
        }
    }

    private static DeploymentPlan Parse(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object || JsonFields.Object(root, "manifest", "plan") is not { ValueKind: JsonValueKind.Object } manifest)
        {
            throw new FormatException("not a deployment plan: expected the file `pulumi preview --save-plan` writes, an object with `manifest` and `resourcePlans`");
        }

        var resources = ImmutableSortedDictionary.CreateBuilder<string, PlannedResource>(StringComparer.Ordinal);
        if (JsonFields.Object(root, "resourcePlans", "plan") is { ValueKind: JsonValueKind.Object } plans)
        {
            foreach (var entry in plans.EnumerateObject())
            {
                var where = $"resourcePlans[\"{Excerpt.Of(entry.Name)}\"]";
                var goal = JsonFields.Object(entry.Value, "goal", where);
                var diff = JsonFields.Object(goal, "inputDiff", $"{where}.goal");
                var sets = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
                foreach (var part in new[] { "adds", "updates" })
                {
                    if (JsonFields.Object(diff, part, $"{where}.goal.inputDiff") is { ValueKind: JsonValueKind.Object } values)
                    {
                        foreach (var value in values.EnumerateObject())
                        {
                            sets[value.Name] = value.Value.Clone();
                        }
                    }
                }

                resources[entry.Name] = new PlannedResource
                {
                    Urn = entry.Name,
                    Steps = JsonFields.Strings(entry.Value, "steps", where),
                    HasGoal = goal.ValueKind == JsonValueKind.Object,
                    Protect = JsonFields.Bool(goal, "protect", $"{where}.goal"),
                    Provider = Blank(JsonFields.String(goal, "provider", $"{where}.goal")),
                    Parent = Blank(JsonFields.String(goal, "parent", $"{where}.goal")),
                    InputSets = sets.ToImmutable(),
                    InputDeletes = JsonFields.Strings(diff, "deletes", $"{where}.goal.inputDiff"),
                };
            }
        }

        return new DeploymentPlan(source, JsonFields.String(manifest, "version", "manifest"), resources.ToImmutable());
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
