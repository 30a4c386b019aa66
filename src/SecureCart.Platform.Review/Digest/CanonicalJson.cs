using System.Buffers;
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
                var order = Order(value);
                if (order == NameOrder.Sorted)
                {
                    foreach (var property in value.EnumerateObject())
                    {
                        WriteName(writer, property);
                        Write(writer, property.Value);
                    }
                }
                else
                {
                    WriteSorted(writer, value, order == NameOrder.UnsortedPlain ? s_byRawName : s_byName);
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

    // Sorted in a pooled array rather than by LINQ, which made a string of every name and four objects per
    // object; ties (a name given twice) keep their order, as OrderBy did.
    private static void WriteSorted(Utf8JsonWriter writer, JsonElement value, Comparison<(JsonProperty Property, int Index)> comparison)
    {
        var count = value.GetPropertyCount();
        var properties = ArrayPool<(JsonProperty Property, int Index)>.Shared.Rent(count);
        try
        {
            var i = 0;
            foreach (var property in value.EnumerateObject())
            {
                properties[i] = (property, i);
                i++;
            }

            properties.AsSpan(0, count).Sort(comparison);
            foreach (var (property, _) in properties.AsSpan(0, count))
            {
                WriteName(writer, property);
                Write(writer, property.Value);
            }
        }
        finally
        {
            ArrayPool<(JsonProperty, int)>.Shared.Return(properties, clearArray: true);
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

    private enum NameOrder
    {
        Sorted,
        UnsortedPlain,
        Unsorted,
    }

    // Unescaped ASCII names order by their bytes as .NET orders strings (ordinal, UTF-16); an object with any
    // other name is checked on the strings. An unsorted object of plain names alone is then sorted on the bytes
    // without checking each name again at every comparison.
    private static NameOrder Order(JsonElement value)
    {
        ReadOnlySpan<byte> previous = default;
        var first = true;
        var sorted = true;
        foreach (var property in value.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            if (!Plain(name))
            {
                return Ordered(value) ? NameOrder.Sorted : NameOrder.Unsorted;
            }

            if (!first && previous.SequenceCompareTo(name) > 0)
            {
                sorted = false;
            }

            previous = name;
            first = false;
        }

        return sorted ? NameOrder.Sorted : NameOrder.UnsortedPlain;
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

    private static readonly Comparison<(JsonProperty Property, int Index)> s_byName = ByName;
    private static readonly Comparison<(JsonProperty Property, int Index)> s_byRawName = ByRawName;

    // Both names plain: their bytes order them.
    private static int ByRawName((JsonProperty Property, int Index) x, (JsonProperty Property, int Index) y)
    {
        var order = JsonMarshal.GetRawUtf8PropertyName(x.Property).SequenceCompareTo(JsonMarshal.GetRawUtf8PropertyName(y.Property));
        return order != 0 ? order : x.Index.CompareTo(y.Index);
    }

    // Ordinal order of the names: plain ASCII names compare by their bytes (the same order), others as strings.
    private static int ByName((JsonProperty Property, int Index) x, (JsonProperty Property, int Index) y)
    {
        var left = JsonMarshal.GetRawUtf8PropertyName(x.Property);
        var right = JsonMarshal.GetRawUtf8PropertyName(y.Property);
        var order = Plain(left) && Plain(right)
            ? left.SequenceCompareTo(right)
            : string.CompareOrdinal(x.Property.Name, y.Property.Name);
        return order != 0 ? order : x.Index.CompareTo(y.Index);
    }
}
