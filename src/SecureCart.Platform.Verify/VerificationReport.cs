using System.Collections.Immutable;

namespace SecureCart.Platform.Verify;

/// <summary>Every expected record of a stack with its verdict.</summary>
public sealed record VerificationReport(string Stack, string HostedZone, ImmutableArray<RecordFinding> Findings)
{
    /// <summary>No name is missing, silent or pointing elsewhere (unconfirmed names are reported, not failed).</summary>
    public bool AllOk => !Problems.Any();

    public IEnumerable<RecordFinding> Problems => Findings.Where(f => f.Kind is not (FindingKind.Ok or FindingKind.Unconfirmed));
}
