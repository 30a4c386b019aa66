using System.Collections.Immutable;

namespace SecureCart.Platform.Review.Parity;

/// <summary>The comparison of two stack exports.</summary>
public sealed record ParityReport(string LeftStack, string RightStack, int Compared, ImmutableArray<ParityDifference> Differences)
{
    public IEnumerable<ParityDifference> Drift => Differences.Where(d => !d.Allowed);

    public IEnumerable<ParityDifference> Allowed => Differences.Where(d => d.Allowed);

    public bool Identical => !Drift.Any();
}
