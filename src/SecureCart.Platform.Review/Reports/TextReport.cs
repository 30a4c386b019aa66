using SecureCart.Platform.Review.Parity;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SecureCart.Platform.Review.Reports;

/// <summary>The terminal report, rendered with Spectre.Console (colour only when the writer is a terminal).</summary>
public static class TextReport
{
    public static void Write(IReadOnlyList<ReviewResult> results, TextWriter output, bool color = false)
    {
        ArgumentNullException.ThrowIfNull(results);
        var console = Console(output, color);
        foreach (var r in results)
        {
            console.Write(new Rule($"[bold]{Markup.Escape(r.Stack ?? r.Header.Source)}[/]: {(r.Failed ? "[red]" : "")}{Markup.Escape(Words.Headline(r))}{(r.Failed ? "[/]" : "")}").LeftJustified());
            foreach (var d in r.Header.Diagnostics.Where(d => d.IsError))
            {
                console.MarkupLine($"[red]error:[/] {Markup.Escape(d.Message)}");
            }

            var counts = new Table().Border(TableBorder.Rounded);
            var ordered = Words.Ordered(r.Counts).ToList();
            ordered.ForEach(c => counts.AddColumn(new TableColumn(c.Key).RightAligned()));
            counts.AddRow([.. ordered.Select(c => (IRenderable)new Text(c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
            console.Write(counts);
            if (r.Findings.Length > 0)
            {
                var findings = new Table().Border(TableBorder.Rounded).AddColumns("severity", "rule", "resource", "finding");
                foreach (var f in r.Findings)
                {
                    var color1 = f.Severity switch { Risk.Severity.Critical => "red", Risk.Severity.High => "darkorange", Risk.Severity.Medium => "yellow", _ => "grey" };
                    findings.AddRow(
                        new Markup($"[{color1}]{Words.Severity(f.Severity)}[/]"),
                        new Text($"{f.Rule.Id} {f.Rule.Name}"),
                        new Text(f.Name),
                        new Text(f.Detail + (f.DataLoss is null ? "" : $"\n{f.DataLoss}") + (f.BlastRadius.IsEmpty ? "" : $"\nblast radius: {f.BlastRadius.Length} dependent(s)")));
                }

                console.Write(findings);
            }
            else
            {
                console.MarkupLine("[green]No risk findings.[/]");
            }

            foreach (var c in r.Changes)
            {
                console.MarkupLine($"[bold]{Markup.Escape(c.Operation)}[/] {Markup.Escape(c.Type)} [bold]{Markup.Escape(c.Name)}[/]"
                    + (c.Strategy == ReplaceStrategy.None ? "" : $" ({Markup.Escape(Words.Strategy(c.Strategy))})"));
                foreach (var reason in c.ReplaceReasons)
                {
                    console.MarkupLine($"    replaced because {Markup.Escape(reason)}");
                }

                foreach (var p in c.Properties)
                {
                    if (ValueDiff.Lines(p) is not { } lines)
                    {
                        console.WriteLine($"    {p.Path}: {p.Old} → {p.New}");
                        continue;
                    }

                    console.WriteLine($"    {p.Path} ({p.Kind}):");
                    foreach (var line in lines)
                    {
                        var color1 = line.Mark switch { '+' => "green", '-' => "red", _ => "grey" };
                        console.MarkupLine($"      [{color1}]{Markup.Escape(line.Mark == '…' ? $"… {line.Text}" : $"{line.Mark} {line.Text}")}[/]");
                    }
                }
            }

            foreach (var p in r.Header.OutputChanges)
            {
                console.WriteLine($"stack output {p.Path} ({p.Kind}): {p.Old} → {p.New}");
            }

            if (r.Cost is { } cost && cost.Lines.Length > 0)
            {
                console.MarkupLine($"Monthly cost delta: [bold]{Markup.Escape(Words.Cost(cost))}[/]");
            }

            console.MarkupLine($"Digest: {Markup.Escape(Words.Digest(r))}");
        }
    }

    public static void Write(ParityReport report, TextWriter output, bool color = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        var console = Console(output, color);
        if (report.Identical)
        {
            console.MarkupLine($"[green]identical[/]: {Markup.Escape(report.LeftStack)} and {Markup.Escape(report.RightStack)} match on {report.Compared} resources ({report.Allowed.Count()} allowed difference(s))");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("resource", "property", report.LeftStack, report.RightStack);
        foreach (var d in report.Drift)
        {
            table.AddRow(new Text($"{d.Type} {d.Name}"), new Text(d.Path ?? "(resource)"), new Text(d.Left), new Text(d.Right));
        }

        console.MarkupLine($"[red]{report.Drift.Count()} difference(s)[/] between {Markup.Escape(report.LeftStack)} and {Markup.Escape(report.RightStack)}");
        console.Write(table);
    }

    // Piped or redirected output has no terminal width, and Spectre then assumes 80 columns and cuts table
    // headers ("cre…"); a report in a file or CI log is read with horizontal scrolling, so give it room.
    private const int PipedWidth = 200;

    private static IAnsiConsole Console(TextWriter output, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!color)
        {
            console.Profile.Width = PipedWidth;
        }

        return console;
    }
}
