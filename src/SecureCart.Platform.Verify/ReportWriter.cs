namespace SecureCart.Platform.Verify;

/// <summary>Writes a report as one line per name, problems first, and a summary line.</summary>
public static class ReportWriter
{
    public static void Write(VerificationReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"DNS for {report.Stack} in {report.HostedZone}:");
        foreach (var finding in report.Findings.OrderBy(f => f.Kind switch { FindingKind.Ok => 2, FindingKind.Unconfirmed => 1, _ => 0 }).ThenBy(f => f.Expected.Name, StringComparer.Ordinal))
        {
            output.WriteLine($"  {Label(finding.Kind),-16} {finding.Expected.Describe()}: {finding.Detail}");
        }

        var problems = report.Problems.Count();
        var unconfirmed = report.Findings.Count(f => f.Kind == FindingKind.Unconfirmed);
        output.WriteLine((problems, unconfirmed) switch
        {
            (0, 0) => $"All {report.Findings.Length} public name(s) resolve as planned.",
            (0, _) => $"No public name is missing or points elsewhere; {unconfirmed} of {report.Findings.Length} answer but could not be tied to their planned target.",
            _ => $"{problems} of {report.Findings.Length} public name(s) are missing or point elsewhere.",
        });
    }

    private static string Label(FindingKind kind) => kind switch
    {
        FindingKind.Ok => "ok",
        FindingKind.Missing => "MISSING",
        FindingKind.PointsElsewhere => "POINTS ELSEWHERE",
        FindingKind.NoAnswer => "NO ANSWER",
        FindingKind.Unconfirmed => "unconfirmed",
        _ => kind.ToString(),
    };
}
