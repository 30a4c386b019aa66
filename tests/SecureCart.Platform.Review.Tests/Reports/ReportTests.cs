using System.Text.Json;
using SecureCart.Platform.Review.Reports;

namespace SecureCart.Platform.Review.Tests.Reports;

public sealed class ReportTests
{
    private static string Render(ReportFormat format, params string[] fixtures)
    {
        var results = fixtures.Select(f => Fixture.Review(f)).ToList();
        using var writer = new StringWriter();
        ReportWriter.Write(results, format, writer);
        return writer.ToString();
    }

    [Fact]
    public void Json_RealPreview_HasCountsAsNumbersAndTheDigest()
    {
        using var document = JsonDocument.Parse(Render(ReportFormat.Json, "pulumi-cli/preview-aws-sg-replace.json"));

        var stack = document.RootElement.GetProperty("stacks")[0];
        Assert.Equal(JsonValueKind.Number, stack.GetProperty("counts").GetProperty("update").ValueKind);
        Assert.Equal(3, stack.GetProperty("counts").GetProperty("update").GetInt32());
        Assert.Equal(1, stack.GetProperty("counts").GetProperty("replace").GetInt32());
        Assert.StartsWith("sha256:", stack.GetProperty("digest").GetString());
        Assert.False(stack.GetProperty("failed").GetBoolean());
    }

    [Fact]
    public void Sarif_Findings_AreSarif210ResultsWithRulesAndLocations()
    {
        using var document = JsonDocument.Parse(Render(ReportFormat.Sarif, "risk/SC006-open-ingress.json", "risk/SC001-stateful-replace.json"));

        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifReport.Schema, root.GetProperty("$schema").GetString());
        var run = root.GetProperty("runs")[0];
        var ruleIds = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("SC006", ruleIds);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["SC006", "SC001"], results.Select(r => r.GetProperty("ruleId").GetString()));
        Assert.All(results, r => Assert.Equal("error", r.GetProperty("level").GetString()));
        var location = results[0].GetProperty("locations")[0];
        Assert.EndsWith("risk/SC006-open-ingress.json", location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.True(location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() > 1);
        Assert.Contains("bastion-sg", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
    }

    [Fact]
    public void Markdown_PullRequestComment_HasHeadlineFindingsAndCollapsedDetails()
    {
        var markdown = Render(ReportFormat.Markdown, "risk/SC002-protection-removed.json", "pulumi-cli/preview-aws-sg-replace.json");

        Assert.Contains("### prod-us: 1 to update", markdown);
        Assert.Contains("| **high** | `SC002` protection-removed |", markdown);
        Assert.Contains("<details><summary>", markdown);
        Assert.Contains("### test-b5f8ac54: 3 to update, 1 to replace", markdown);
        Assert.Contains("replaced because 'description' changes", markdown);
    }

    [Fact]
    public void Markdown_FailedPreview_SaysFailed()
    {
        var markdown = Render(ReportFormat.Markdown, "risk/SC012-preview-failed.json");

        Assert.Contains("PREVIEW FAILED", markdown);
        Assert.DoesNotContain("no changes", markdown);
    }

    [Fact]
    public void Text_Terminal_ShowsFindingAndDigest()
    {
        var text = Render(ReportFormat.Text, "risk/SC009-traffic-shift.json");

        Assert.Contains("SC009 traffic-shift", text);
        Assert.Contains("Digest: sha256:", text);
        Assert.DoesNotContain("\u001b[", text);
    }

    [Fact]
    public void Sarif_Findings_HaveRelativeUriFingerprintsAndSecuritySeverity()
    {
        using var document = JsonDocument.Parse(Render(ReportFormat.Sarif, "risk/SC006-open-ingress.json"));

        var run = document.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results")[0];
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.False(Path.IsPathRooted(location.GetProperty("uri").GetString()));
        Assert.Equal("%SRCROOT%", location.GetProperty("uriBaseId").GetString());
        Assert.Equal(64, result.GetProperty("partialFingerprints").GetProperty("securecart/v1").GetString()!.Length);
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Single(r => r.GetProperty("id").GetString() == result.GetProperty("ruleId").GetString());
        Assert.True(double.Parse(rule.GetProperty("properties").GetProperty("security-severity").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= 7.0);
    }

    [Fact]
    public void Text_Piped_KeepsEveryCountHeaderWhole()
    {
        var text = Render(ReportFormat.Text, "ops/every-operation.json");

        Assert.Contains("pending-delete", text, StringComparison.Ordinal);
        Assert.Contains("create", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cre…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_NoFindings_SaysSoAndNamesTheSource()
    {
        var html = Render(ReportFormat.Html, "risk/SC001-clean.json");

        Assert.Contains("No risk findings.", html, StringComparison.Ordinal);
        Assert.Contains("SC001-clean.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>severity</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_StackExport_NamesThePulumiVersionThatWroteIt()
    {
        var html = Render(ReportFormat.Html, "pulumi-cli/export-awsx-lb-simple.json");

        Assert.Contains("Pulumi v3.116", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_CostWithoutARegion_SaysTheCostIsUnknown()
    {
        var result = Fixture.Review("risk/SC001-stateful-replace.json");
        var cost = new SecureCart.Platform.Review.CostDelta.CostDeltaReport(null, "prices", "2025-01-01", [new("u", "t", "n", "create", null, null, "no price without a region")]);
        using var writer = new StringWriter();

        TextReport.Write([result with { Cost = cost }], writer);

        Assert.Contains("unknown (the preview names no aws:region; pass --region)", writer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("$0.00", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_WithATime_SaysWhenItWasReviewed()
    {
        using var writer = new StringWriter();

        ReportWriter.Write([Fixture.Review("pulumi-cli/events-aws-ec2-replace.json")], ReportFormat.Html, writer, new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));

        Assert.Contains("reviewed 2026-11-30 07:00:00Z", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("EngineEvents", writer.ToString(), StringComparison.Ordinal);
    }
}
