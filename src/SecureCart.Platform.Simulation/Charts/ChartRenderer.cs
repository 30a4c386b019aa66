using ScottPlot;
using SecureCart.Platform.Simulation.Results;

namespace SecureCart.Platform.Simulation.Charts;

/// <summary>Capacity against demand over the profile for one component, as PNG and SVG (ScottPlot).</summary>
public static class ChartRenderer
{
    public const int Width = 900;
    public const int Height = 320;

    public static Plot Plot(string stack, ComponentResult component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var plot = new Plot();
        var minutes = Enumerable.Range(0, component.Demand.Length).Select(m => (double)m).ToArray();
        foreach (var minute in component.BreachMinutes)
        {
            var span = plot.Add.HorizontalSpan(minute, minute + 1);
            span.FillStyle.Color = Colors.Red.WithAlpha(0.15);
            span.LineStyle.Width = 0;
        }

        // An ALB has no capacity line: it scales itself and AWS publishes no rate for it.
        if (component.Capacity.All(double.IsFinite))
        {
            var capacity = plot.Add.ScatterLine(minutes, [.. component.Capacity]);
            capacity.LegendText = "capacity";
            capacity.LineWidth = 2;
        }

        var demand = plot.Add.ScatterLine(minutes, [.. component.Demand]);
        demand.LegendText = "demand";
        demand.LineWidth = 2;
        plot.Title($"{stack} {component.Name}");
        plot.XLabel("minute");
        plot.YLabel(component.Unit);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.SetLimitsY(0, Math.Max(1, Math.Max(component.PeakDemand, Finite(component.PeakCapacity, component.PeakDemand)) * 1.1));
        return plot;
    }

    public static byte[] Png(string stack, ComponentResult component) =>
        Plot(stack, component).GetImageBytes(Width, Height, ImageFormat.Png);

    public static string Svg(string stack, ComponentResult component) =>
        Plot(stack, component).GetSvgXml(Width, Height);

    /// <summary>Writes &lt;scenario&gt;-&lt;stack&gt;-&lt;component&gt;.png and .svg for every component; returns the paths.</summary>
    public static IReadOnlyList<string> WriteAll(IEnumerable<ScenarioResult> scenarios, string directory)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var (scenario, index) in scenarios.Select((s, i) => (s, i)))
        {
            foreach (var stack in scenario.Stacks)
            {
                foreach (var component in stack.Components)
                {
                    var stem = Path.Combine(directory, FileStem(index, stack.Stack, component.Name));
                    File.WriteAllBytes(stem + ".png", Png(stack.Stack, component));
                    File.WriteAllText(stem + ".svg", Svg(stack.Stack, component));
                    written.Add(stem + ".png");
                    written.Add(stem + ".svg");
                }
            }
        }

        return written;
    }

    public static string FileStem(int scenario, string stack, string component) =>
        $"s{scenario + 1}-{stack}-{component.Replace(' ', '-')}";

    // Table ceilings can be unbounded when a table has no hot key; keep the axis on the demand then.
    private static double Finite(double value, double fallback) => double.IsFinite(value) ? value : fallback;
}
