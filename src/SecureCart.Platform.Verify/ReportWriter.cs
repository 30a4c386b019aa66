namespace SecureCart.Platform.Verify;

/// <summary>Writes a report as one line per name, problems first, and a summary line.</summary>
public static class ReportWriter
{
    public static void Write(VerificationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"DNS for {report.Stack} in hosted zone {report.HostedZone}:");
        foreach (var finding in report.Findings.OrderBy(f => f.Kind == FindingKind.Ok).ThenBy(f => f.Expected.Name, StringComparer.Ordinal))
        {
            output.WriteLine($"  {Label(finding.Kind),-16} {finding.Expected.Describe()}: {finding.Detail}");
        }

        var problems = report.Problems.Count();
        output.WriteLine(problems == 0
            ? $"All {report.Findings.Length} public name(s) resolve as planned."
            : $"{problems} of {report.Findings.Length} public name(s) are missing or point elsewhere.");
    }

    private static string Label(FindingKind kind) => kind switch
    {
        FindingKind.Ok => "ok",
        FindingKind.Missing => "MISSING",
        FindingKind.PointsElsewhere => "POINTS ELSEWHERE",
        FindingKind.NoAnswer => "NO ANSWER",
        _ => kind.ToString(),
    };
}
