using System.Collections.Immutable;
using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// A resource's state as Pulumi writes it: `apitype.ResourceV3` in previews and exports,
/// `apitype.StepEventStateMetadata` in engine events. <see cref="Inputs"/> and <see cref="Outputs"/> are
/// only valid while the step that carries them is being handled, unless the reader was asked to keep them.
/// </summary>
public sealed record ResourceState
{
    public required string Urn { get; init; }

    public required string Type { get; init; }

    public string? Id { get; init; }

    public string? Parent { get; init; }

    public string? Provider { get; init; }

    public bool Custom { get; init; }

    /// <summary>The old copy of a resource that a create-before-delete replacement left pending delete.</summary>
    public bool Delete { get; init; }

    public bool Protect { get; init; }

    public bool RetainOnDelete { get; init; }

    public bool PendingReplacement { get; init; }

    public bool External { get; init; }

    public JsonElement Inputs { get; init; }

    public JsonElement Outputs { get; init; }

    public ImmutableArray<string> Dependencies { get; init; } = [];

    public ImmutableDictionary<string, ImmutableArray<string>> PropertyDependencies { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>The named input, or an undefined element when absent.</summary>
    public JsonElement Input(string name) =>
        Inputs.ValueKind == JsonValueKind.Object && Inputs.TryGetProperty(name, out var value) ? value : default;

    /// <summary>The named output, falling back to the input of the same name.</summary>
    public JsonElement OutputOrInput(string name) =>
        Outputs.ValueKind == JsonValueKind.Object && Outputs.TryGetProperty(name, out var value) ? value : Input(name);
}
