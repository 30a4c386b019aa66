using System.Collections.Immutable;
using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>Typed reads of Pulumi's fields: absent or null is allowed, a wrong type is a <see cref="FormatException"/>.</summary>
internal static class JsonFields
{
    public static JsonElement Get(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) ? value : default;

    public static string? String(JsonElement obj, string name, string where) => StringOf(Get(obj, name), name, where);

    /// <summary><see cref="String(JsonElement, string, string)"/>, one string per distinct value.</summary>
    public static string? String(JsonElement obj, string name, string where, StringPool pool) => StringOf(Get(obj, name), name, where, pool);

    /// <summary>The field <paramref name="name"/> whose value was already found (undefined when absent).</summary>
    public static string? StringOf(JsonElement value, string name, string where, StringPool? pool = null) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.String => pool is null ? value.GetString() : pool.Get(value),
        _ => throw new FormatException($"{where}.{name} must be a string, not {Kind(value)}"),
    };

    public static string RequiredString(JsonElement obj, string name, string where, StringPool pool) =>
        String(obj, name, where, pool) ?? throw new FormatException($"{where} has no `{name}`");

    public static string RequiredString(JsonElement obj, string name, string where) =>
        String(obj, name, where) ?? throw new FormatException($"{where} has no `{name}`");

    public static bool Bool(JsonElement obj, string name, string where) => BoolOf(Get(obj, name), name, where);

    public static bool BoolOf(JsonElement value, string name, string where)
    {
        return value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False => false,
            JsonValueKind.True => true,
            _ => throw new FormatException($"{where}.{name} must be true or false, not {Kind(value)}"),
        };
    }

    public static long? Long(JsonElement obj, string name, string where)
    {
        var value = Get(obj, name);
        return value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            _ => throw new FormatException($"{where}.{name} must be a whole number, not {Kind(value)}"),
        };
    }

    public static ImmutableArray<string> Strings(JsonElement obj, string name, string where, StringPool? pool = null) =>
        StringsOf(Get(obj, name), name, where, pool);

    public static ImmutableArray<string> StringsOf(JsonElement value, string name, string where, StringPool? pool = null)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{where}.{name} must be an array of strings, not {Kind(value)}");
        }

        var length = value.GetArrayLength();
        if (length == 0)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<string>(length);
        foreach (var item in value.EnumerateArray())
        {
            builder.Add(item.ValueKind == JsonValueKind.String
                ? pool?.Get(item) ?? item.GetString()!
                : throw new FormatException($"{where}.{name} must be an array of strings, not hold {Kind(item)}"));
        }

        return builder.MoveToImmutable();
    }

    public static JsonElement Object(JsonElement obj, string name, string where) => ObjectOf(Get(obj, name), name, where);

    public static JsonElement ObjectOf(JsonElement value, string name, string where)
    {
        return value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object => value,
            _ => throw new FormatException($"{where}.{name} must be an object, not {Kind(value)}"),
        };
    }

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
