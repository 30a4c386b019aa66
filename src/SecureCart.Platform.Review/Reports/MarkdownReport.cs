using System.Text;
using SecureCart.Platform.Review.Parity;

namespace SecureCart.Platform.Review.Reports;

/// <summary>Markdown for a pull-request comment: headline and findings visible, details collapsed.</summary>
public static class MarkdownReport
{
    public static void Write(IReadOnlyList<ReviewResult> results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("## securecart review");
        foreach (var r in results)
        {
            output.WriteLine();
            output.WriteLine($"### {Cell(r.Stack ?? r.Header.Source)}: {Cell(Words.Headline(r))}");
            output.WriteLine();
            if (r.Failed)
            {
                output.WriteLine("> [!CAUTION]");
                foreach (var d in r.Header.Diagnostics.Where(d => d.IsError))
                {
                    output.WriteLine($"> {Cell(d.Message)}");
                }

                output.WriteLine();
            }

            output.WriteLine("| " + string.Join(" | ", Words.Ordered(r.Counts).Select(c => c.Key)) + " |");
            output.WriteLine("|" + string.Concat(Words.Ordered(r.Counts).Select(_ => "---:|")));
            output.WriteLine("| " + string.Join(" | ", Words.Ordered(r.Counts).Select(c => c.Value)) + " |");
            output.WriteLine();
            if (r.Findings.Length > 0)
            {
                output.WriteLine("| severity | rule | resource | finding |");
                output.WriteLine("|---|---|---|---|");
                foreach (var f in r.Findings)
                {
                    var extra = (f.DataLoss is null ? "" : $"<br>{Cell(f.DataLoss)}")
                        + (f.BlastRadius.IsEmpty ? "" : $"<br>blast radius: {f.BlastRadius.Length} dependent(s)");
                    output.WriteLine($"| **{Words.Severity(f.Severity)}** | `{f.Rule.Id}` {f.Rule.Name} | `{Cell(f.Name)}` | {Cell(f.Detail)}{extra} |");
                }
            }
            else
            {
                output.WriteLine("No risk findings.");
            }

            output.WriteLine();
            output.WriteLine($"<details><summary>{r.Changes.Length} changed resource(s)</summary>");
            output.WriteLine();
            foreach (var c in r.Changes)
            {
                output.WriteLine($"- **{c.Operation}** `{Cell(c.Type)}` `{Cell(c.Name)}`" + (c.Parent is null ? "" : $" in `{Cell(c.Parent)}`")
                    + (c.Strategy == ReplaceStrategy.None ? "" : $" ({Words.Strategy(c.Strategy)})"));
                foreach (var reason in c.ReplaceReasons)
                {
                    output.WriteLine($"  - replaced because {Cell(reason)}");
                }

                foreach (var p in c.Properties)
                {
                    output.WriteLine($"  - `{Cell(p.Path)}` ({p.Kind}): `{Cell(p.Old)}` → `{Cell(p.New)}`");
                }
            }

            output.WriteLine();
            output.WriteLine("</details>");
            if (r.Cost is { } cost && cost.Lines.Length > 0)
            {
                output.WriteLine();
                output.WriteLine($"<details><summary>Monthly cost delta: {Words.Money(cost.MonthlyDelta)} ({cost.Region ?? "region unknown"}, prices as of {cost.PriceAsOf})</summary>");
                output.WriteLine();
                output.WriteLine("| resource | op | monthly | basis |");
                output.WriteLine("|---|---|---:|---|");
                foreach (var line in cost.Lines)
                {
                    output.WriteLine($"| `{Cell(line.Name)}` | {line.Operation} | {Words.Money(line.MonthlyDelta)} | {Cell(line.Basis)} |");
                }

                output.WriteLine();
                output.WriteLine("</details>");
            }

            output.WriteLine();
            output.WriteLine($"Digest: `{r.Digest}`");
        }
    }

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
                output.WriteLine($"| `{Cell(d.Type)}` `{Cell(d.Name)}` | {Cell(d.Path ?? "(resource)")} | `{Cell(d.Left)}` | `{Cell(d.Right)}` |");
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
                output.WriteLine($"- `{Cell(d.Name)}` {Cell(d.Path ?? "")}: {Cell(d.AllowedBecause!)}");
            }

            output.WriteLine();
            output.WriteLine("</details>");
        }
    }

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
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
