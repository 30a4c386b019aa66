using System.Text;
using System.Text.Json;
using SecureCart.Platform.Simulation.Charts;
using SecureCart.Platform.Simulation.Engine;
using SecureCart.Platform.Simulation.Fixes;
using SecureCart.Platform.Simulation.Profiles;
using SecureCart.Platform.Simulation.Reports;

namespace SecureCart.Platform.Simulation.Tests.Reports;

public sealed class ReportTests
{
    private static SimulationReport Surge()
    {
        var project = Repository.Project();
        var profile = ((ProfileLoadResult.Loaded)ShippedProfiles.Load("surge-20x", Repository.StackNames(project))).Profile;
        var scenarios = Simulator.Default.Run(profile, project.Stacks);
        return new SimulationReport(profile, scenarios, FixFinder.Default.Find(profile, project, scenarios));
    }

    [Fact]
    public void Text_BreachedComponentsAndTheFixLines()
    {
        using var writer = new StringWriter();

        TextReport.Write(Surge(), writer);

        var text = writer.ToString();
        Assert.Contains("verdict: BREACH", text);
        Assert.Contains("! api-gateway", text);
        Assert.Contains("cheapest change that removes every breach (verified by re-simulating):", text);
        Assert.Contains("Pulumi.prod-us.yaml", text);
    }

    [Fact]
    public void Json_SeriesPerComponentAndFix()
    {
        using var json = JsonDocument.Parse(JsonReport.Serialize(Surge()));

        var root = json.RootElement;
        Assert.True(root.GetProperty("breached").GetBoolean());
        var stack = root.GetProperty("scenarios")[0].GetProperty("stacks")[0];
        Assert.Equal(90, stack.GetProperty("components")[0].GetProperty("demand").GetArrayLength());
        Assert.True(stack.GetProperty("peakHourlyUsd").GetDouble() > 0);
        Assert.Equal(90, stack.GetProperty("capacity").GetArrayLength());
        Assert.True(root.GetProperty("fix").GetProperty("removesEveryBreach").GetBoolean());
    }

    [Fact]
    public void Html_SelfContained_ChartsEmbedded()
    {
        using var writer = new StringWriter();

        HtmlReport.Write(Surge(), writer);

        var html = writer.ToString();
        Assert.Contains("data:image/png;base64,", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public void Charts_PngAndSvgPerComponent()
    {
        var report = Surge();
        var directory = Path.Combine(Path.GetTempPath(), "securecart-simulation-tests", Guid.NewGuid().ToString("N"));

        var written = ChartRenderer.WriteAll(report.Scenarios, directory);

        var charts = report.Scenarios.Sum(s => s.Stacks.Sum(st => st.Components.Length + 1));
        Assert.Equal(2 * charts, written.Count);
        Assert.Contains(written, p => p.EndsWith("s1-prod-us-stack.svg", StringComparison.Ordinal));
        var png = File.ReadAllBytes(written.First(p => p.EndsWith(".png", StringComparison.Ordinal)));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        var svg = File.ReadAllText(written.First(p => p.EndsWith(".svg", StringComparison.Ordinal)), Encoding.UTF8);
        Assert.Contains("<svg", svg);
    }
}
