using ScottPlot;
using SecureCart.Platform.Simulation.Results;

namespace SecureCart.Platform.Simulation.Charts;

/// <summary>Capacity against demand over the profile for one component, as PNG and SVG (ScottPlot).</summary>
public static class ChartRenderer
{
    public const int Width = 900;
    public const int Height = 320;

    /// <summary>The stack as a whole: requests arriving against what its HTTP services could serve.</summary>
    public static Plot Plot(StackResult stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var minutes = Enumerable.Range(0, stack.Demand.Length).Select(m => (double)m).ToArray();
        var breaches = stack.Components.SelectMany(c => c.BreachMinutes).Distinct().ToArray();
        var plot = Lines(minutes, breaches, stack.Capacity, stack.Demand, "can serve", "arriving");
        plot.Title($"{stack.Stack} ({stack.Region}): requests per second");
        plot.XLabel("minute");
        plot.YLabel("requests/s");
        var peak = Math.Max(stack.Demand.DefaultIfEmpty(0).Max(), stack.Capacity.Where(double.IsFinite).DefaultIfEmpty(0).Max());
        plot.Axes.SetLimitsY(0, Math.Max(1, peak * 1.1));
        return plot;
    }

    public static byte[] Png(StackResult stack) => Plot(stack).GetImageBytes(Width, Height, ImageFormat.Png);

    public static string Svg(StackResult stack) => Plot(stack).GetSvgXml(Width, Height);

    private static Plot Lines(double[] minutes, IEnumerable<int> breaches, IReadOnlyList<double> capacity, IReadOnlyList<double> demand, string capacityLabel, string demandLabel)
    {
        var plot = new Plot();
        foreach (var minute in breaches)
        {
            var span = plot.Add.HorizontalSpan(minute, minute + 1);
            span.FillStyle.Color = Colors.Red.WithAlpha(0.15);
            span.LineStyle.Width = 0;
        }

        // An ALB has no capacity line: it scales itself and AWS publishes no rate for it.
        if (capacity.All(double.IsFinite))
        {
            var line = plot.Add.ScatterLine(minutes, capacity.ToArray());
            line.LegendText = capacityLabel;
            line.LineWidth = 2;
        }

        var demandLine = plot.Add.ScatterLine(minutes, demand.ToArray());
        demandLine.LegendText = demandLabel;
        demandLine.LineWidth = 2;
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    public static Plot Plot(string stack, ComponentResult component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var minutes = Enumerable.Range(0, component.Demand.Length).Select(m => (double)m).ToArray();
        var plot = Lines(minutes, component.BreachMinutes, component.Capacity, component.Demand, "capacity", "demand");
        plot.Title($"{stack} {component.Name}");
        plot.XLabel("minute");
        plot.YLabel(component.Unit);
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
                var stackStem = Path.Combine(directory, FileStem(index, stack.Stack, "stack"));
                File.WriteAllBytes(stackStem + ".png", Png(stack));
                File.WriteAllText(stackStem + ".svg", Svg(stack));
                written.Add(stackStem + ".png");
                written.Add(stackStem + ".svg");
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
