using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// One string per distinct short value (ops, types, providers, parents, diff keys, URN parts): a large preview
/// repeats the same few hundred of them on every step, and a string each made reading allocate most of what
/// it did. Not thread-safe: each reading thread has its own. Bounded, so a preview of unique values does not
/// keep them all.
/// </summary>
internal sealed class StringPool
{
    private const int MaxEntries = 16 * 1024;
    private const int MaxLength = 256;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        var made = value.ToString();
        if (_strings.Count < MaxEntries && value.Length <= MaxLength)
        {
            _strings[made] = made;
        }

        return made;
    }

    /// <summary>The string value of <paramref name="value"/>, which must be a JSON string.</summary>
    public string Get(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);

        // The raw value has its quotes; with an escape in it, the bytes are not the text.
        if (raw.Length - 2 > MaxLength || raw.Contains((byte)'\\'))
        {
            return value.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxLength];
        var length = Encoding.UTF8.GetChars(raw[1..^1], chars);
        return Get(chars[..length]);
    }

    /// <summary>The name of <paramref name="property"/>.</summary>
    public string Name(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length > MaxLength || raw.Contains((byte)'\\'))
        {
            return property.Name;
        }

        Span<char> chars = stackalloc char[MaxLength];
        var length = Encoding.UTF8.GetChars(raw, chars);
        return Get(chars[..length]);
    }
}
