using System.Collections.Immutable;
using SecureCart.Platform.Review.CostDelta;
using SecureCart.Platform.Review.Preview;
using SecureCart.Platform.Review.Risk;

namespace SecureCart.Platform.Review;

/// <summary>The review of one stack's preview.</summary>
public sealed record ReviewResult
{
    public required PreviewHeader Header { get; init; }

    public string? Stack { get; init; }

    /// <summary>Counts by operation: create, update, replace, delete, same, read, import (and any other op seen).</summary>
    public required ImmutableSortedDictionary<string, int> Counts { get; init; }

    /// <summary>Replacements by strategy (create-before-delete, delete-before-replace, unspecified).</summary>
    public required ImmutableSortedDictionary<string, int> ReplaceStrategies { get; init; }

    /// <summary>Every change, in the order first seen; with <see cref="Spilled"/>, only those held in memory.</summary>
    public required ImmutableArray<ResourceChange> Changes { get; init; }

    /// <summary>The changes streamed to a file (<see cref="ReviewOptions.SpillDirectory"/>); dispose when written.</summary>
    public SpilledChanges? Spilled { get; init; }

    /// <summary>Most severe first.</summary>
    public required ImmutableArray<RiskFinding> Findings { get; init; }

    /// <summary>The digest to approve; null for a failed preview or a stack export, which are not a change to approve.</summary>
    public string? Digest { get; init; }

    public CostDeltaReport? Cost { get; init; }

    public ImmutableArray<string> UnknownOperations { get; init; } = [];

    /// <summary>Null without a plan; true when the plan applies exactly the reviewed steps.</summary>
    public bool? PlanMatches { get; init; }

    public bool Failed => Header.Failed;

    public Severity? HighestSeverity => Findings.IsEmpty ? null : Findings.Max(f => f.Severity);

    public bool HasChanges => Changes.Length > 0 || Spilled is { Count: > 0 };
}
