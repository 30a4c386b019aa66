using System.Collections.Immutable;

namespace SecureCart.Platform.Verify;

/// <summary>
/// Compares the expected public names with the hosted zone: is there a record set, is it an alias to the
/// planned kind of target (and region, for latency records), and does Route 53 answer for it.
/// </summary>
public static class DnsVerifier
{
    public static async Task<VerificationReport> VerifyAsync(DnsExpectations expectations, IHostedZone zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        ArgumentNullException.ThrowIfNull(zone);
        var observed = await zone.ListRecordsAsync(cancellationToken).ConfigureAwait(false);
        var findings = ImmutableArray.CreateBuilder<RecordFinding>();
        foreach (var expected in expectations.Records)
        {
            var record = observed.FirstOrDefault(o =>
                DnsNames.Normalize(o.Name) == expected.Name
                && string.Equals(o.Type, expected.Type, StringComparison.OrdinalIgnoreCase)
                && (expected.SetIdentifier is null || o.SetIdentifier == expected.SetIdentifier));
            findings.Add(await JudgeAsync(expected, record, zone, cancellationToken).ConfigureAwait(false));
        }

        return new VerificationReport(expectations.Stack, expectations.HostedZone, findings.ToImmutable());
    }

    public static RecordFinding? JudgeRecord(ExpectedRecord expected, ObservedRecord? record)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (record is null)
        {
            return new RecordFinding(expected, FindingKind.Missing, $"no {expected.Type} record set{(expected.SetIdentifier is null ? "" : $" with set identifier {expected.SetIdentifier}")}; the stack {expected.OwnerStack} creates it");
        }

        if (record.AliasTarget is null)
        {
            return new RecordFinding(expected, FindingKind.PointsElsewhere, $"a plain record ({string.Join(", ", record.Values)}) instead of an alias to {expected.Target}");
        }

        var target = DnsNames.Classify(record.AliasTarget);
        if (target is null || target.Value.Target != expected.Target)
        {
            return new RecordFinding(expected, FindingKind.PointsElsewhere, $"alias to {record.AliasTarget}, which is not {expected.Target}");
        }

        if (expected.Region is not null && (target.Value.Region != expected.Region || record.Region != expected.Region))
        {
            return new RecordFinding(expected, FindingKind.PointsElsewhere,
                $"latency record for {record.Region ?? "no region"} aliasing an API in {target.Value.Region}; expected {expected.Region} for both");
        }

        return null;
    }

    private static async Task<RecordFinding> JudgeAsync(ExpectedRecord expected, ObservedRecord? record, IHostedZone zone, CancellationToken cancellationToken)
    {
        if (JudgeRecord(expected, record) is { } problem)
        {
            return problem;
        }

        var answer = await zone.TestAnswerAsync(expected.Name, expected.Type, cancellationToken).ConfigureAwait(false);
        return answer.Answered
            ? new RecordFinding(expected, FindingKind.Ok, $"alias to {record!.AliasTarget}; answers {string.Join(", ", answer.RecordData)}")
            : new RecordFinding(expected, FindingKind.NoAnswer, $"Route 53 answers {answer.ResponseCode} with {answer.RecordData.Count} value(s)");
    }
}
