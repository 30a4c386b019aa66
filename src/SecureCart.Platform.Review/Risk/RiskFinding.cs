using System.Collections.Immutable;

namespace SecureCart.Platform.Review.Risk;

/// <summary>One rule that fired on one resource.</summary>
public sealed record RiskFinding
{
    public required RiskRuleInfo Rule { get; init; }

    public required Severity Severity { get; init; }

    public required string Urn { get; init; }

    public required string Type { get; init; }

    public required string Name { get; init; }

    /// <summary>What exactly fired, in one sentence (values are already secret-free).</summary>
    public required string Detail { get; init; }

    public long Line { get; init; }

    /// <summary>Resources that depend on this one, directly or through others (stateful rules only).</summary>
    public ImmutableArray<string> BlastRadius { get; init; } = [];

    /// <summary>Whether data survives: the protections found on the resource, in words.</summary>
    public string? DataLoss { get; init; }
}
