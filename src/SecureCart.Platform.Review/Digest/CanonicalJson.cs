using System.Runtime.InteropServices;
using System.Text;
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
                if (Sorted(value))
                {
                    foreach (var property in value.EnumerateObject())
                    {
                        WriteName(writer, property);
                        Write(writer, property.Value);
                    }
                }
                else
                {
                    foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        WriteName(writer, property);
                        Write(writer, property.Value);
                    }
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

    // A name as the input spelled it, unless it has escapes: the writer escapes either the same way, and the
    // digest of a large preview no longer makes a string of every name it hashes.
    private static void WriteName(Utf8JsonWriter writer, JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Contains((byte)'\\'))
        {
            writer.WritePropertyName(property.Name);
        }
        else
        {
            writer.WritePropertyName(raw);
        }
    }

    // Unescaped ASCII names order by their bytes as .NET orders strings (ordinal, UTF-16); an object with any
    // other name is checked on the strings.
    private static bool Sorted(JsonElement value)
    {
        ReadOnlySpan<byte> previous = default;
        var first = true;
        foreach (var property in value.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            if (!Plain(name))
            {
                return Ordered(value);
            }

            if (!first && previous.SequenceCompareTo(name) > 0)
            {
                return false;
            }

            previous = name;
            first = false;
        }

        return true;
    }

    private static bool Plain(ReadOnlySpan<byte> name) => Ascii.IsValid(name) && !name.Contains((byte)'\\');

    // The exact check, on strings: for names with escapes or beyond ASCII.
    private static bool Ordered(JsonElement value)
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
