using System.Collections.Immutable;

namespace SecureCart.Platform.Verify;

/// <summary>Every expected record of a stack with its verdict.</summary>
public sealed record VerificationReport(string Stack, string HostedZone, ImmutableArray<RecordFinding> Findings)
{
    public bool AllOk => Findings.All(f => f.Kind == FindingKind.Ok);

    public IEnumerable<RecordFinding> Problems => Findings.Where(f => f.Kind != FindingKind.Ok);
}
