using System.Collections.Immutable;
using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// Reads `apitype.ResourceV3` (sdk/go/common/apitype/core.go) and `apitype.StepEventStateMetadata`
/// (sdk/go/common/apitype/events.go); both use the same names for the fields read here.
/// </summary>
internal static class StateParser
{
    /// <param name="pool">One string per distinct type, provider, parent and dependency.</param>
    /// <param name="urn">The step's URN: the state's is the same string when it is the same text.</param>
    /// <param name="id">The other state's id, likewise.</param>
    public static ResourceState? Parse(JsonElement state, string where, bool keep, StringPool? pool = null, string? urn = null, string? id = null)
    {
        if (state.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (state.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where} must be an object, not {JsonFields.Kind(state)}");
        }

        var inputs = JsonFields.Object(state, "inputs", where);
        var outputs = JsonFields.Object(state, "outputs", where);
        pool ??= new StringPool();
        return new ResourceState
        {
            Urn = Same(JsonFields.Get(state, "urn"), urn) ?? JsonFields.RequiredString(state, "urn", where),
            Type = JsonFields.RequiredString(state, "type", where, pool),
            Id = Same(JsonFields.Get(state, "id"), id) ?? JsonFields.String(state, "id", where),
            Parent = Blank(JsonFields.String(state, "parent", where, pool)),
            Provider = Blank(JsonFields.String(state, "provider", where, pool)),
            Custom = JsonFields.Bool(state, "custom", where),
            Delete = JsonFields.Bool(state, "delete", where),
            Protect = JsonFields.Bool(state, "protect", where),
            RetainOnDelete = JsonFields.Bool(state, "retainOnDelete", where),
            PendingReplacement = JsonFields.Bool(state, "pendingReplacement", where),
            External = JsonFields.Bool(state, "external", where),
            Inputs = keep && inputs.ValueKind != JsonValueKind.Undefined ? inputs.Clone() : inputs,
            Outputs = keep && outputs.ValueKind != JsonValueKind.Undefined ? outputs.Clone() : outputs,
            Dependencies = JsonFields.Strings(state, "dependencies", where, pool),
            PropertyDependencies = PropertyDependencies(state, where),
        };
    }

    private static ImmutableDictionary<string, ImmutableArray<string>> PropertyDependencies(JsonElement state, string where)
    {
        var value = JsonFields.Object(state, "propertyDependencies", where);
        if (value.ValueKind != JsonValueKind.Object)
        {
            return ImmutableDictionary<string, ImmutableArray<string>>.Empty;
        }

        var builder = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            builder[property.Name] = JsonFields.Strings(value, property.Name, $"{where}.propertyDependencies");
        }

        return builder.ToImmutable();
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? Same(JsonElement value, string? known) =>
        known is not null && value.ValueKind == JsonValueKind.String && value.ValueEquals(known) ? known : null;
}
