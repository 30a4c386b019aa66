using System.Globalization;
using System.Text;
using SecureCart.Platform.Review.Parity;

namespace SecureCart.Platform.Review.Reports;

/// <summary>Markdown for a pull-request comment: headline and findings visible, details collapsed.</summary>
public static class MarkdownReport
{
    /// <summary>GitHub refuses a comment body longer than this many characters.</summary>
    public const int CommentLimit = 65_536;

    // Room kept for the closing lines of each stack (what was left out, the digest).
    private const int Reserve = 1_200;

    public static void Write(IReadOnlyList<ReviewResult> results, TextWriter output) => Write(results, output, int.MaxValue, null);

    /// <summary>
    /// Writes at most <paramref name="limit"/> characters: per stack the headline, counts, the findings and the
    /// riskiest changes first; what does not fit is counted and pointed to <paramref name="fullReport"/>.
    /// Returns false when something was left out.
    /// </summary>
    public static bool Write(IReadOnlyList<ReviewResult> results, TextWriter output, int limit, string? fullReport)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        var text = new StringBuilder();
        var complete = true;
        text.AppendLine("## securecart review");
        for (var i = 0; i < results.Count; i++)
        {
            // Each stack gets an equal share of what is left, so one huge stack cannot crowd out the others.
            var share = limit == int.MaxValue ? int.MaxValue : text.Length + ((limit - text.Length) / (results.Count - i));
            complete &= Stack(results[i], text, share, fullReport);
        }

        output.Write(text.ToString());
        return complete;
    }

    private static bool Stack(ReviewResult r, StringBuilder text, int limit, string? fullReport)
    {
        var budget = limit == int.MaxValue ? int.MaxValue : limit - Reserve;
        bool Fits(string part) => text.Length + part.Length <= budget;
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {Cell(r.Stack ?? r.Header.Source)}: {Cell(Words.Headline(r))}");
        text.AppendLine();
        if (r.Failed)
        {
            text.AppendLine("> [!CAUTION]");
            foreach (var d in r.Header.Diagnostics.Where(d => d.IsError).Take(5))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"> {Cell(ValueTextShort(d.Message))}");
            }

            text.AppendLine();
        }

        text.AppendLine("| " + string.Join(" | ", Words.Ordered(r.Counts).Select(c => c.Key)) + " |");
        text.AppendLine("|" + string.Concat(Words.Ordered(r.Counts).Select(_ => "---:|")));
        text.AppendLine("| " + string.Join(" | ", Words.Ordered(r.Counts).Select(c => c.Value)) + " |");
        text.AppendLine();
        var leftOutFindings = 0;
        if (r.Findings.Length > 0)
        {
            text.AppendLine("| severity | rule | resource | finding |");
            text.AppendLine("|---|---|---|---|");
            foreach (var f in r.Findings)
            {
                var extra = (f.DataLoss is null ? "" : $"<br>{Cell(f.DataLoss)}")
                    + (f.BlastRadius.IsEmpty ? "" : $"<br>blast radius: {f.BlastRadius.Length} dependent(s)");
                var row = $"| **{Words.Severity(f.Severity)}** | `{f.Rule.Id}` {f.Rule.Name} | `{Code(f.Name)}` | {Cell(f.Detail)}{extra} |{Environment.NewLine}";
                if (leftOutFindings > 0 || !Fits(row))
                {
                    leftOutFindings++;
                    continue;
                }

                text.Append(row);
            }

            if (leftOutFindings > 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| | | | {leftOutFindings} more finding(s) not shown |");
            }
        }
        else
        {
            text.AppendLine("No risk findings.");
        }

        text.AppendLine();
        var severity = r.Findings.GroupBy(f => f.Urn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (int)g.Max(f => f.Severity), StringComparer.Ordinal);
        var ordered = r.Changes
            .OrderByDescending(c => severity.GetValueOrDefault(c.Urn, -1))
            .ThenBy(c => Rank(c.Operation))
            .ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"<details><summary>{r.Changes.Length} changed resource(s), riskiest first</summary>");
        text.AppendLine();
        var leftOutChanges = 0;
        foreach (var c in ordered)
        {
            var part = Change(c);
            if (leftOutChanges > 0 || !Fits(part))
            {
                leftOutChanges++;
                continue;
            }

            text.Append(part);
        }

        text.AppendLine();
        text.AppendLine("</details>");
        if (!r.Header.OutputChanges.IsEmpty)
        {
            var outputs = new StringBuilder();
            outputs.AppendLine();
            outputs.AppendLine("Stack outputs:");
            outputs.AppendLine();
            foreach (var p in r.Header.OutputChanges)
            {
                outputs.AppendLine(CultureInfo.InvariantCulture, $"- `{Code(p.Path)}` ({Cell(p.Kind)}): `{Code(p.Old)}` → `{Code(p.New)}`");
            }

            if (Fits(outputs.ToString()))
            {
                text.Append(outputs);
            }
        }

        if (r.Cost is { } cost && cost.Lines.Length > 0)
        {
            var lines = new StringBuilder();
            lines.AppendLine();
            lines.AppendLine(CultureInfo.InvariantCulture, $"<details><summary>Monthly cost delta: {Cell(Words.Cost(cost))}</summary>");
            lines.AppendLine();
            lines.AppendLine("| resource | op | monthly | basis |");
            lines.AppendLine("|---|---|---:|---|");
            foreach (var line in cost.Lines)
            {
                lines.AppendLine(CultureInfo.InvariantCulture, $"| `{Code(line.Name)}` | {line.Operation} | {Words.Money(line.MonthlyDelta)} | {Cell(line.Basis)} |");
            }

            lines.AppendLine();
            lines.AppendLine("</details>");
            if (Fits(lines.ToString()))
            {
                text.Append(lines);
            }
            else
            {
                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture, $"Monthly cost delta: {Cell(Words.Cost(cost))} ({cost.Lines.Length} line(s) in the full report)");
            }
        }

        if (leftOutChanges > 0 || leftOutFindings > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"> [!NOTE]");
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"> {leftOutChanges} changed resource(s) and {leftOutFindings} finding(s) did not fit in a comment; ")
                + (fullReport is null ? "run `securecart review --format markdown --output FILE` for the full report." : $"the full report is `{Code(fullReport)}`."));
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Digest: `{Words.Digest(r)}`");
        return leftOutChanges == 0 && leftOutFindings == 0;
    }

    private static int Rank(string operation) => operation switch
    {
        "replace" => 0,
        "delete" => 1,
        "update" => 2,
        "create" => 3,
        _ => 4,
    };

    private static string Change(ResourceChange c)
    {
        var part = new StringBuilder();
        part.AppendLine($"- **{Cell(c.Operation)}** `{Code(c.Type)}` `{Code(c.Name)}`" + (c.Parent is null ? "" : $" in `{Code(c.Parent)}`")
            + (c.Strategy == ReplaceStrategy.None ? "" : $" ({Words.Strategy(c.Strategy)})"));
        foreach (var reason in c.ReplaceReasons)
        {
            part.AppendLine(CultureInfo.InvariantCulture, $"  - replaced because {Cell(reason)}");
        }

        foreach (var p in c.Properties)
        {
            if (ValueDiff.Lines(p) is not { } lines)
            {
                part.AppendLine(CultureInfo.InvariantCulture, $"  - `{Code(p.Path)}` ({Cell(p.Kind)}): `{Code(p.Old)}` → `{Code(p.New)}`");
                continue;
            }

            var body = string.Join("\n", lines.Select(l => l.Mark == '…' ? $"@@ {l.Text} @@" : $"{l.Mark}{l.Text}"));
            var fence = new string('`', Math.Max(3, LongestRun(body, '`') + 1));
            part.AppendLine(CultureInfo.InvariantCulture, $"  - `{Code(p.Path)}` ({Cell(p.Kind)}):");
            part.AppendLine();
            part.AppendLine(CultureInfo.InvariantCulture, $"    {fence}diff");
            foreach (var line in body.Split('\n'))
            {
                part.AppendLine("    " + line);
            }

            part.AppendLine(CultureInfo.InvariantCulture, $"    {fence}");
            part.AppendLine();
        }

        return part.ToString();
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var x in text)
        {
            run = x == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static string ValueTextShort(string text) => text.Length > 300 ? text[..300] + "…" : text;

    public static void Write(ParityReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"## securecart parity: {report.LeftStack} vs {report.RightStack}");
        output.WriteLine();
        output.WriteLine(report.Identical
            ? $"**Identical**: {report.Compared} resources match after normalising region, account, ids and suffixes."
            : $"**{report.Drift.Count()} difference(s)** across {report.Compared} compared resources.");
        output.WriteLine();
        if (!report.Identical)
        {
            output.WriteLine($"| resource | property | {Cell(report.LeftStack)} | {Cell(report.RightStack)} |");
            output.WriteLine("|---|---|---|---|");
            foreach (var d in report.Drift)
            {
                output.WriteLine($"| `{Code(d.Type)}` `{Code(d.Name)}` | {Cell(d.Path ?? "(resource)")} | `{Code(d.Left)}` | `{Code(d.Right)}` |");
            }
        }

        var allowed = report.Allowed.ToList();
        if (allowed.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"<details><summary>{allowed.Count} allowed difference(s)</summary>");
            output.WriteLine();
            foreach (var d in allowed)
            {
                output.WriteLine($"- `{Code(d.Name)}` {Cell(d.Path ?? "")}: {Cell(d.AllowedBecause!)}");
            }

            output.WriteLine();
            output.WriteLine("</details>");
        }
    }

    // Markdown text outside code: a value must not become a table cell break, a code span or raw HTML
    // (GitHub renders a `<details>` or `<img>` from a resource value otherwise).
    private static string Cell(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '|' => "\\|",
                '\n' or '\r' => " ",
                '`' => "'",
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    // Inside a code span HTML is shown as written; only the span's own delimiters and table breaks matter.
    private static string Code(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '|' => "\\|",
                '\n' or '\r' => " ",
                '`' => "'",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
