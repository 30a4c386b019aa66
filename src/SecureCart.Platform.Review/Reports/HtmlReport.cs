using System.Net;
using SecureCart.Platform.Review.Parity;

namespace SecureCart.Platform.Review.Reports;

/// <summary>
/// One self-contained HTML file (inline style and script, nothing fetched): severity filter buttons and
/// collapsible change details. The script marks `&lt;body data-ready="true"&gt;` once it has run.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d1d1f}table{border-collapse:collapse;margin:.5rem 0}
        td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}code{font-size:12px}
        .critical{background:#fdd}.high{background:#fee8d6}.medium{background:#fff7d1}.low,.note{background:#eef}
        .failed{color:#b00;font-weight:bold}pre.diff{background:#f6f8fa;padding:.5rem;overflow:auto}.ins{color:#0a6b0a}.del{color:#b00}.fold{color:#888}button{margin-right:.25rem}button.on{font-weight:bold}.hidden{display:none}
        """;

    private const string Script = """
        (function () {
          var rows = document.querySelectorAll('tr[data-severity]');
          var buttons = document.querySelectorAll('button[data-filter]');
          buttons.forEach(function (button) {
            button.addEventListener('click', function () {
              var filter = button.getAttribute('data-filter');
              buttons.forEach(function (b) { b.classList.toggle('on', b === button); });
              rows.forEach(function (row) {
                row.classList.toggle('hidden', filter !== 'all' && row.getAttribute('data-severity') !== filter);
              });
            });
          });
          document.getElementById('finding-count').textContent = String(rows.length);
          document.body.setAttribute('data-ready', 'true');
        })();
        """;

    public static void Write(IReadOnlyList<ReviewResult> results, TextWriter output, DateTimeOffset? generatedAt = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        Open(output, "securecart review");
        output.WriteLine("<p>Findings: <span id=\"finding-count\">?</span> ");
        foreach (var filter in new[] { "all", "critical", "high", "medium", "low" })
        {
            output.WriteLine($"<button type=\"button\" data-filter=\"{filter}\">{filter}</button>");
        }

        output.WriteLine("</p>");
        foreach (var r in results)
        {
            output.WriteLine($"<section><h2>{E(r.Stack ?? r.Header.Source)}: <span class=\"{(r.Failed ? "failed" : "")}\">{E(Words.Headline(r))}</span></h2>");
            foreach (var d in r.Header.Diagnostics.Where(d => d.IsError))
            {
                output.WriteLine($"<p class=\"failed\">{E(d.Message)}</p>");
            }

            output.WriteLine("<table><tr>" + string.Concat(Words.Ordered(r.Counts).Select(c => $"<th>{E(c.Key)}</th>")) + "</tr><tr>"
                + string.Concat(Words.Ordered(r.Counts).Select(c => $"<td>{c.Value}</td>")) + "</tr></table>");
            output.WriteLine($"<p class=\"about\">Source: <code>{E(r.Header.Source)}</code> ({E(r.Header.Format.ToString())})"
                + (r.Header.Duration is { } duration ? $", preview took {duration.TotalSeconds:0.#} s" : "")
                + (r.Header.PulumiVersion is { } version ? $", Pulumi {E(version)}" : "")
                + (generatedAt is { } at ? $"; reviewed {E(at.ToString("u", System.Globalization.CultureInfo.InvariantCulture))}" : "") + "</p>");
            if (r.Findings.IsEmpty)
            {
                output.WriteLine("<p>No risk findings.</p>");
            }
            else
            {
                output.WriteLine("<table><tr><th>severity</th><th>rule</th><th>resource</th><th>finding</th><th>why / fix</th></tr>");
            }

            foreach (var f in r.Findings)
            {
                var severity = Words.Severity(f.Severity);
                output.WriteLine($"<tr class=\"{severity}\" data-severity=\"{severity}\"><td>{severity}</td><td><code>{E(f.Rule.Id)}</code> {E(f.Rule.Name)}</td>"
                    + $"<td><code>{E(f.Type)}</code><br>{E(f.Name)}</td><td>{E(f.Detail)}"
                    + (f.DataLoss is null ? "" : $"<br><em>{E(f.DataLoss)}</em>")
                    + (f.BlastRadius.IsEmpty ? "" : $"<br>blast radius: {string.Join(", ", f.BlastRadius.Select(u => E(u[(u.LastIndexOf("::", StringComparison.Ordinal) + 2)..])))}")
                    + $"</td><td>{E(f.Rule.Why)}<br><strong>Fix:</strong> {E(f.Rule.Fix)}</td></tr>");
            }

            if (!r.Findings.IsEmpty)
            {
                output.WriteLine("</table>");
            }

            foreach (var c in r.Changes)
            {
                output.WriteLine($"<details><summary><strong>{E(c.Operation)}</strong> <code>{E(c.Type)}</code> {E(c.Name)}{(c.Parent is null ? "" : $" in <code>{E(c.Parent)}</code>")}</summary><ul>");
                foreach (var reason in c.ReplaceReasons)
                {
                    output.WriteLine($"<li>replaced because {E(reason)}</li>");
                }

                foreach (var p in c.Properties)
                {
                    if (ValueDiff.Lines(p) is not { } lines)
                    {
                        output.WriteLine($"<li><code>{E(p.Path)}</code> ({E(p.Kind)}): <code>{E(p.Old)}</code> → <code>{E(p.New)}</code></li>");
                        continue;
                    }

                    output.WriteLine($"<li><code>{E(p.Path)}</code> ({E(p.Kind)}):<pre class=\"diff\">" + string.Join("\n", lines.Select(l => l.Mark switch
                    {
                        '+' => $"<span class=\"ins\">+ {E(l.Text)}</span>",
                        '-' => $"<span class=\"del\">- {E(l.Text)}</span>",
                        '…' => $"<span class=\"fold\">… {E(l.Text)}</span>",
                        _ => $"  {E(l.Text)}",
                    })) + "</pre></li>");
                }

                output.WriteLine("</ul></details>");
            }

            if (!r.Header.OutputChanges.IsEmpty)
            {
                output.WriteLine("<h3>Stack outputs</h3><ul>" + string.Concat(r.Header.OutputChanges.Select(p =>
                    $"<li><code>{E(p.Path)}</code> ({E(p.Kind)}): <code>{E(p.Old)}</code> → <code>{E(p.New)}</code></li>")) + "</ul>");
            }

            if (r.Cost is { } cost)
            {
                output.WriteLine($"<p>Monthly cost delta: <strong>{E(Words.Cost(cost))}</strong></p>");
            }

            output.WriteLine($"<p>Digest: <code>{E(Words.Digest(r))}</code></p></section>");
        }

        Close(output);
    }

    public static void Write(ParityReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        Open(output, "securecart parity");
        output.WriteLine($"<h2>{E(report.LeftStack)} vs {E(report.RightStack)}: {(report.Identical ? "identical" : $"{report.Drift.Count()} difference(s)")}</h2>");
        output.WriteLine("<p>Findings: <span id=\"finding-count\">?</span></p><table><tr><th>resource</th><th>property</th>"
            + $"<th>{E(report.LeftStack)}</th><th>{E(report.RightStack)}</th><th>allowed</th></tr>");
        foreach (var d in report.Differences)
        {
            output.WriteLine($"<tr data-severity=\"{(d.Allowed ? "note" : "high")}\"><td><code>{E(d.Type)}</code> {E(d.Name)}</td><td>{E(d.Path ?? "(resource)")}</td>"
                + $"<td><code>{E(d.Left)}</code></td><td><code>{E(d.Right)}</code></td><td>{E(d.AllowedBecause ?? "")}</td></tr>");
        }

        output.WriteLine("</table>");
        Close(output);
    }

    private static void Open(TextWriter output, string title)
    {
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine($"<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)}</title><style>{Style}</style></head><body>");
        output.WriteLine($"<h1>{E(title)}</h1>");
    }

    private static void Close(TextWriter output)
    {
        output.WriteLine($"<script>{Script}</script>");
        output.WriteLine("</body></html>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
