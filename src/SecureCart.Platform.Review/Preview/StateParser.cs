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

        // One walk over the state's fields, then each read and checked in the same order as before (so the first
        // problem reported is the same): looking each of fifteen names up walked the fields fifteen times.
        var f = Fields.Of(state);
        var inputs = JsonFields.ObjectOf(f.Inputs, "inputs", where);
        var outputs = JsonFields.ObjectOf(f.Outputs, "outputs", where);
        pool ??= new StringPool();
        return new ResourceState
        {
            Urn = Same(f.Urn, urn) ?? JsonFields.StringOf(f.Urn, "urn", where) ?? throw new FormatException($"{where} has no `urn`"),
            Type = JsonFields.StringOf(f.Type, "type", where, pool) ?? throw new FormatException($"{where} has no `type`"),
            Id = Same(f.Id, id) ?? JsonFields.StringOf(f.Id, "id", where),
            Parent = Blank(JsonFields.StringOf(f.Parent, "parent", where, pool)),
            Provider = Blank(JsonFields.StringOf(f.Provider, "provider", where, pool)),
            Custom = JsonFields.BoolOf(f.Custom, "custom", where),
            Delete = JsonFields.BoolOf(f.Delete, "delete", where),
            Protect = JsonFields.BoolOf(f.Protect, "protect", where),
            RetainOnDelete = JsonFields.BoolOf(f.RetainOnDelete, "retainOnDelete", where),
            PendingReplacement = JsonFields.BoolOf(f.PendingReplacement, "pendingReplacement", where),
            External = JsonFields.BoolOf(f.External, "external", where),
            Inputs = keep && inputs.ValueKind != JsonValueKind.Undefined ? inputs.Clone() : inputs,
            Outputs = keep && outputs.ValueKind != JsonValueKind.Undefined ? outputs.Clone() : outputs,
            Dependencies = JsonFields.StringsOf(f.Dependencies, "dependencies", where, pool),
            PropertyDependencies = PropertyDependencies(f.PropertyDependencies, where),
        };
    }

    private static ImmutableDictionary<string, ImmutableArray<string>> PropertyDependencies(JsonElement field, string where)
    {
        var value = JsonFields.ObjectOf(field, "propertyDependencies", where);
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

    /// <summary>The fields read, each the last of its name (as a lookup by name finds it); undefined when absent.</summary>
    private struct Fields
    {
        public JsonElement Urn, Type, Id, Parent, Provider, Custom, Delete, Protect, RetainOnDelete, PendingReplacement,
            External, Inputs, Outputs, Dependencies, PropertyDependencies;

        public static Fields Of(JsonElement state)
        {
            var f = default(Fields);
            foreach (var property in state.EnumerateObject())
            {
                Set(ref f, StepParser.RawName(property), property.Value);
            }

            return f;
        }

        private static void Set(ref Fields f, ReadOnlySpan<byte> name, JsonElement value)
        {
            switch (name.Length)
            {
                case 2 when name.SequenceEqual("id"u8): f.Id = value; break;
                case 3 when name.SequenceEqual("urn"u8): f.Urn = value; break;
                case 4 when name.SequenceEqual("type"u8): f.Type = value; break;
                case 6 when name.SequenceEqual("parent"u8): f.Parent = value; break;
                case 6 when name.SequenceEqual("custom"u8): f.Custom = value; break;
                case 6 when name.SequenceEqual("delete"u8): f.Delete = value; break;
                case 6 when name.SequenceEqual("inputs"u8): f.Inputs = value; break;
                case 7 when name.SequenceEqual("protect"u8): f.Protect = value; break;
                case 7 when name.SequenceEqual("outputs"u8): f.Outputs = value; break;
                case 8 when name.SequenceEqual("provider"u8): f.Provider = value; break;
                case 8 when name.SequenceEqual("external"u8): f.External = value; break;
                case 12 when name.SequenceEqual("dependencies"u8): f.Dependencies = value; break;
                case 14 when name.SequenceEqual("retainOnDelete"u8): f.RetainOnDelete = value; break;
                case 18 when name.SequenceEqual("pendingReplacement"u8): f.PendingReplacement = value; break;
                case 20 when name.SequenceEqual("propertyDependencies"u8): f.PropertyDependencies = value; break;
                default: break;
            }
        }
    }
}
