using System.Globalization;
using System.Net;
using SecureCart.Platform.Simulation.Charts;

namespace SecureCart.Platform.Simulation.Reports;

/// <summary>A self-contained HTML page: the text report, then each component's chart embedded as a PNG data URI.</summary>
public static class HtmlReport
{
    public static void Write(SimulationReport report, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(w);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        TextReport.Write(report, text);
        w.WriteLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine($"<title>securecart simulate: {Enc(report.Profile.Name)}</title>");
        w.WriteLine("<style>body{font-family:sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em;overflow-x:auto}.breach{color:#b00}img{display:block;max-width:100%}</style>");
        w.WriteLine("</head><body>");
        w.WriteLine($"<h1>{Enc(report.Profile.Name)}: <span class=\"{(report.Breached ? "breach" : "ok")}\">{(report.Breached ? "breach" : "no breach")}</span></h1>");
        w.WriteLine($"<pre>{Enc(text.ToString())}</pre>");
        foreach (var scenario in report.Scenarios)
        {
            w.WriteLine($"<h2>{Enc(scenario.Name)}</h2>");
            foreach (var stack in scenario.Stacks)
            {
                w.WriteLine($"<h3>{Enc(stack.Stack)} ({Enc(stack.Region)})</h3>");
                w.WriteLine($"<figure><img alt=\"{Enc(stack.Stack)}: requests arriving against what its services can serve\" src=\"data:image/png;base64,{Convert.ToBase64String(ChartRenderer.Png(stack))}\"></figure>");
                foreach (var component in stack.Components)
                {
                    var png = Convert.ToBase64String(ChartRenderer.Png(stack.Stack, component));
                    var alt = $"{stack.Stack} {component.Name}: capacity against demand";
                    w.WriteLine($"<figure><img alt=\"{Enc(alt)}\" src=\"data:image/png;base64,{png}\"><figcaption class=\"{(component.Breached ? "breach" : "")}\">{Enc(component.Name)}: {component.BreachMinutes.Length} minute(s) over SLO</figcaption></figure>");
                }
            }
        }

        w.WriteLine("</body></html>");
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
