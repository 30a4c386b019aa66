using System.Text.Encodings.Web;
using System.Text.Json;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace SecureCart.Platform.Review.Reports;

/// <summary>
/// How a property change reads in the text, Markdown and HTML reports. A short value stays `old → new`; a
/// string that holds JSON (an IAM policy, container definitions, a state machine, a CloudFormation template)
/// is pretty-printed and diffed as JSON; a multi-line string or a long object is diffed line by line, with
/// unchanged lines folded to a few lines of context, so the one changed action in a policy is visible.
/// </summary>
public static class ValueDiff
{
    /// <summary>Longest value shown inline; longer ones become a line diff.</summary>
    public const int InlineLength = 100;

    private const int Context = 3;
    private static readonly JsonSerializerOptions s_pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly InlineDiffBuilder s_builder = new(new Differ());

    /// <summary>Null when the change reads best on one line; otherwise the diff lines, each marked ' ', '-', '+' or '…'.</summary>
    public static IReadOnlyList<DiffLine>? Lines(PropertyChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (old, oldMultiline) = Document(change.Old);
        var (now, newMultiline) = Document(change.New);
        if (!oldMultiline && !newMultiline && change.Old.Length <= InlineLength && change.New.Length <= InlineLength)
        {
            return null;
        }

        var model = s_builder.BuildDiffModel(old, now, ignoreWhitespace: false);
        var lines = model.Lines.Select(l => new DiffLine(l.Type switch
        {
            ChangeType.Inserted => '+',
            ChangeType.Deleted => '-',
            _ => ' ',
        }, l.Text)).ToList();
        return Fold(lines);
    }

    // A value as text: JSON-in-a-string and objects pretty-printed, other strings as their content.
    private static (string Text, bool Multiline) Document(string valueText)
    {
        if (valueText.Length == 0 || valueText[0] is not ('"' or '{' or '['))
        {
            return (valueText, false);
        }

        try
        {
            using var document = JsonDocument.Parse(valueText);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.String)
            {
                var content = root.GetString()!;
                var trimmed = content.TrimStart();
                if (trimmed.Length > 0 && trimmed[0] is '{' or '[' && TryPretty(content, out var pretty))
                {
                    return (pretty, true);
                }

                return (content, content.Contains('\n', StringComparison.Ordinal));
            }

            var text = JsonSerializer.Serialize(root, s_pretty);
            return (text, valueText.Length > InlineLength);
        }
        catch (JsonException)
        {
            return (valueText, false);
        }
    }

    private static bool TryPretty(string json, out string pretty)
    {
        try
        {
            using var inner = JsonDocument.Parse(json);
            pretty = JsonSerializer.Serialize(inner.RootElement, s_pretty);
            return true;
        }
        catch (JsonException)
        {
            pretty = "";
            return false;
        }
    }

    private static List<DiffLine> Fold(List<DiffLine> lines)
    {
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Mark != ' ')
            {
                for (var j = Math.Max(0, i - Context); j <= Math.Min(lines.Count - 1, i + Context); j++)
                {
                    keep[j] = true;
                }
            }
        }

        var folded = new List<DiffLine>();
        var skipped = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (keep[i])
            {
                if (skipped > 0)
                {
                    folded.Add(new DiffLine('…', $"{skipped} unchanged line(s)"));
                    skipped = 0;
                }

                folded.Add(lines[i]);
            }
            else
            {
                skipped++;
            }
        }

        if (skipped > 0)
        {
            folded.Add(new DiffLine('…', $"{skipped} unchanged line(s)"));
        }

        return folded;
    }
}
