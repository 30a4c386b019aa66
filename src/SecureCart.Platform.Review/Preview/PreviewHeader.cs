using System.Collections.Immutable;

namespace SecureCart.Platform.Review.Preview;

/// <summary>Everything in the input except the steps: what kind of file it was and how the preview went.</summary>
public sealed record PreviewHeader
{
    public required string Source { get; init; }

    public required InputFormat Format { get; init; }

    public ImmutableSortedDictionary<string, string> Config { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Pulumi's own counts (`changeSummary`, or `resourceChanges` of the summary event).</summary>
    public ImmutableSortedDictionary<string, int> ChangeSummary { get; init; } = ImmutableSortedDictionary<string, int>.Empty;

    public ImmutableArray<PreviewDiagnostic> Diagnostics { get; init; } = [];

    public TimeSpan? Duration { get; init; }

    public bool MaybeCorrupt { get; init; }

    /// <summary>The deployment schema version of a stack export.</summary>
    public int? ExportVersion { get; init; }

    public ImmutableArray<string> ExportFeatures { get; init; } = [];

    public int StepCount { get; init; }

    /// <summary>Engine events repeated for a step already read (a `resOutputsEvent` after its `resourcePreEvent`).</summary>
    public int RepeatedEvents { get; init; }

    /// <summary>The summary event's `result` (`succeeded`, `failed`, `canceled`), when the input has one.</summary>
    public string? Result { get; init; }

    /// <summary>The summary event's `isPreview`, when the input has one.</summary>
    public bool? IsPreview { get; init; }

    /// <summary>The Pulumi CLI version, where the input says (a deployment plan's or export's manifest).</summary>
    public string? PulumiVersion { get; init; }

    /// <summary>Stack outputs added, changed or removed, where the input carries the new ones (event logs).</summary>
    public ImmutableArray<PropertyChange> OutputChanges { get; init; } = [];

    /// <summary>Policy-pack violations from `policyEvent`s, advisory and mandatory.</summary>
    public ImmutableArray<PolicyViolation> PolicyViolations { get; init; } = [];

    /// <summary>
    /// A preview whose diagnostics carry errors, or whose summary says it failed or was cancelled, did not
    /// finish; its steps are not the whole change.
    /// </summary>
    public bool Failed => Diagnostics.Any(d => d.IsError) || Result is "failed" or "canceled";
}
