using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// A step's detailed diff: each property path once (the last entry of a path, as a lookup by name in the
/// input finds it), enumerated in ordinal order of the paths. A sorted array rather than an immutable
/// dictionary: one is built for every step read, and both the digest and the change builder walk it in
/// path order, which the dictionary's hash order made them sort for.
/// </summary>
public sealed class PropertyDiffDictionary : IReadOnlyDictionary<string, PropertyDiff>
{
    private readonly KeyValuePair<string, PropertyDiff>[] _entries;

    private PropertyDiffDictionary(KeyValuePair<string, PropertyDiff>[] sortedDistinct) => _entries = sortedDistinct;

    public static PropertyDiffDictionary Empty { get; } = new([]);

    public int Count => _entries.Length;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<PropertyDiff> Values => _entries.Select(e => e.Value);

    /// <summary>The entries in ordinal order of their paths.</summary>
    public ReadOnlySpan<KeyValuePair<string, PropertyDiff>> Entries => _entries;

    public PropertyDiff this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"the detailed diff has no entry `{key}`");

    /// <summary>
    /// The entries in the order the input holds them; the array is taken over and reordered. Where a path is
    /// given twice, the later entry stands.
    /// </summary>
    public static PropertyDiffDictionary Of(KeyValuePair<string, PropertyDiff>[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Length == 0)
        {
            return Empty;
        }

        if (!Ordered(entries))
        {
            // Stable, so that of a path given twice the later entry ends last of its run.
            var indexed = new (KeyValuePair<string, PropertyDiff> Entry, int Index)[entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                indexed[i] = (entries[i], i);
            }

            Array.Sort(indexed, static (a, b) =>
            {
                var order = string.CompareOrdinal(a.Entry.Key, b.Entry.Key);
                return order != 0 ? order : a.Index.CompareTo(b.Index);
            });
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = indexed[i].Entry;
            }
        }

        var distinct = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            if (distinct > 0 && entries[distinct - 1].Key == entries[i].Key)
            {
                entries[distinct - 1] = entries[i];
            }
            else
            {
                entries[distinct++] = entries[i];
            }
        }

        return new PropertyDiffDictionary(distinct == entries.Length ? entries : entries[..distinct]);
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out PropertyDiff value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _entries[index].Value : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, PropertyDiff>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, PropertyDiff>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (low, high) = (0, _entries.Length - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(_entries[middle].Key, key);
            if (order == 0)
            {
                return middle;
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }

    // Pulumi's detailed diff is a Go map, written with its keys sorted: usually nothing to reorder.
    private static bool Ordered(KeyValuePair<string, PropertyDiff>[] entries)
    {
        for (var i = 1; i < entries.Length; i++)
        {
            if (string.CompareOrdinal(entries[i - 1].Key, entries[i].Key) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
