using System.Collections.Immutable;

namespace SecureCart.Platform.Review;

/// <summary>One resource the change touches, with what changes and, for a replacement, why.</summary>
public sealed record ResourceChange
{
    public required string Urn { get; init; }

    public required string Type { get; init; }

    public required string Name { get; init; }

    /// <summary>create, update, replace, delete, read, import, … or the unknown op as written.</summary>
    public required string Operation { get; init; }

    /// <summary>The component this resource is nested in (`type::name`), or null at the stack's top level.</summary>
    public string? Parent { get; init; }

    public ReplaceStrategy Strategy { get; init; }

    public ImmutableArray<PropertyChange> Properties { get; init; } = [];

    /// <summary>Why it is replaced, one plain sentence per cause.</summary>
    public ImmutableArray<string> ReplaceReasons { get; init; } = [];

    /// <summary>The raw `op` values seen for this URN, in order (a replacement may have three).</summary>
    public ImmutableArray<string> Steps { get; init; } = [];

    /// <summary>An old copy left pending delete by an earlier replacement, now removed.</summary>
    public bool PendingDelete { get; init; }

    public long Line { get; init; }
}
