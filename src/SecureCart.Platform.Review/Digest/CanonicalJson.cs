using System.Text.Json;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Digest;

/// <summary>
/// Writes a value with object keys in ordinal order, no whitespace and every secret as `[secret]`, so the
/// same content hashes the same whatever the indentation, key order, encoding or secret representation.
/// </summary>
internal static class CanonicalJson
{
    public static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        if (SecretValues.IsSecret(value))
        {
            writer.WriteStringValue(SecretValues.Mask);
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();

                // Go writes map keys sorted, so Pulumi's objects are usually in order already: sort only when not.
                foreach (var property in Sorted(value) ? (IEnumerable<JsonProperty>)value.EnumerateObject() : value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Undefined:
                writer.WriteNullValue();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static bool Sorted(JsonElement value)
    {
        string? previous = null;
        foreach (var property in value.EnumerateObject())
        {
            var name = property.Name;
            if (previous is not null && string.CompareOrdinal(previous, name) > 0)
            {
                return false;
            }

            previous = name;
        }

        return true;
    }
}
