using System.Text.Json;
using SecureCart.Platform.Review.Parity;
using SecureCart.Platform.Review.Risk;

namespace SecureCart.Platform.Review.Reports;

/// <summary>
/// SARIF 2.1.0 (OASIS): one run, the rule catalog as `tool.driver.rules`, one result per finding located at
/// the preview file and line, with the resource URN as a logical location.
/// </summary>
public static class SarifReport
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(IReadOnlyList<ReviewResult> results, Stream output)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var w = Start(output, RiskRules.Catalog);
        foreach (var result in results)
        {
            foreach (var f in result.Findings)
            {
                Result(w, f.Rule.Id, Words.Sarif(f.Severity), $"{f.Rule.Title}: {f.Detail}." + (f.DataLoss is null ? "" : $" {f.DataLoss}."), result.Header.Source, f.Line, f.Urn, f.Severity, f.Detail);
            }
        }

        End(w);
    }

    public static void Write(ParityReport report, string leftSource, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rule = new RiskRuleInfo("SC100", "region-drift", Severity.High, "The regional stacks differ",
            "Regions must be identical apart from what the plan declares, or a failover lands on a region that behaves differently.",
            "Make the stacks' programs and configuration agree, or declare the difference in the plan.");
        using var w = Start(output, [rule]);
        foreach (var d in report.Drift)
        {
            Result(w, rule.Id, "error", $"{d.Type} {d.Name}: {d.Path ?? "resource"} is {d.Left} in {report.LeftStack} and {d.Right} in {report.RightStack}", leftSource, 0, $"{d.Type}::{d.Name}", Severity.High, d.Path ?? "");
        }

        End(w);
    }

    private static Utf8JsonWriter Start(Stream output, IEnumerable<RiskRuleInfo> rules)
    {
        var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("$schema", Schema);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "securecart");
        w.WriteString("informationUri", "https://github.com/securecart/platform");
        w.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("name", rule.Name);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", rule.Title);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", rule.Why);
            w.WriteEndObject();
            w.WriteStartObject("help");
            w.WriteString("text", rule.Fix);
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Words.Sarif(rule.Severity));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("security-severity", SecuritySeverity(rule.Severity));
            w.WriteStartArray("tags");
            w.WriteStringValue("security");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("results");
        return w;
    }

    // GitHub code scanning ranks alerts by the rule's `security-severity` (0.0–10.0: ≥9 critical, ≥7 high,
    // ≥4 medium) and tells alerts apart across runs by `partialFingerprints`; the file is named relative to
    // the checkout (%SRCROOT%), since an absolute path of the CI machine matches nothing in the repository.
    private static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        _ => "1.0",
    };

    private static string RelativeUri(string source)
    {
        var full = Path.GetFullPath(source);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFileName(full) : relative).Replace('\\', '/');
    }

    private static void Result(Utf8JsonWriter w, string ruleId, string level, string message, string source, long line, string urn, Severity severity, string detail)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", ruleId);
        w.WriteString("level", level);
        w.WriteStartObject("message");
        w.WriteString("text", message);
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", RelativeUri(source));
        w.WriteString("uriBaseId", "%SRCROOT%");
        w.WriteEndObject();
        if (line > 0)
        {
            w.WriteStartObject("region");
            w.WriteNumber("startLine", line);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("logicalLocations");
        w.WriteStartObject();
        w.WriteString("fullyQualifiedName", urn);
        w.WriteString("kind", "resource");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("partialFingerprints");
        var identity = System.Text.Encoding.UTF8.GetBytes($"{ruleId}\n{urn}\n{detail}");
        w.WriteString("securecart/v1", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(identity)));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteString("severity", Words.Severity(severity));
        w.WriteString("security-severity", SecuritySeverity(severity));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void End(Utf8JsonWriter w)
    {
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }
}
