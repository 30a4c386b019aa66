using System.Collections.Immutable;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// One step the engine intends to take (`display.PreviewStep`, or `apitype.StepEventMetadata` of a
/// `resourcePreEvent`). A stack export is read as one `same` step per resource.
/// </summary>
public sealed record PreviewStep
{
    public required string Op { get; init; }

    public required ResourceUrn Urn { get; init; }

    public ResourceState? Old { get; init; }

    public ResourceState? New { get; init; }

    public ImmutableArray<string> DiffReasons { get; init; } = [];

    public ImmutableArray<string> ReplaceReasons { get; init; } = [];

    /// <summary>Null when Pulumi wrote `"detailedDiff": null` (the provider gave no detailed diff).</summary>
    public PropertyDiffDictionary? DetailedDiff { get; init; }

    /// <summary>The step stands for a resource of a stack export, not a change.</summary>
    public bool FromExport { get; init; }

    /// <summary>1-based line where the step starts in the input, for messages and SARIF locations.</summary>
    public long Line { get; init; }

    /// <summary>The resource type: the state's, else the URN's.</summary>
    public string Type => New?.Type ?? Old?.Type ?? Urn.Type;

    /// <summary>The state the step leaves behind, else the one it removes.</summary>
    public ResourceState? Current => New ?? Old;
}
