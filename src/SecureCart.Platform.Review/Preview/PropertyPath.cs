using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// The property paths of `detailedDiff` keys: `tags.Owner`, `ingress[0]`, `inlinePolicies[0].policy`,
/// `tags["kubernetes.io/role"]`.
/// </summary>
public static class PropertyPath
{
    public static IReadOnlyList<object> Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = new List<object>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '"')
            {
                var end = path.IndexOf("\"]", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                parts.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                var text = path[(i + 1)..end];
                parts.Add(int.TryParse(text, out var index) ? index : text);
                i = end + 1;
            }
            else
            {
                var end = path.IndexOfAny(['.', '['], i);
                end = end < 0 ? path.Length : end;
                parts.Add(path[i..end]);
                i = end;
            }
        }

        return parts;
    }

    /// <summary>The value at <paramref name="path"/>, or an undefined element when any part is missing.</summary>
    public static JsonElement Resolve(JsonElement root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        // The parts as Parse splits them, walked without making them: this runs for every property of every
        // changed resource and for every rule that reads one.
        var current = root;
        var i = 0;
        while (i < path.Length && current.ValueKind != JsonValueKind.Undefined)
        {
            if (path[i] == '.')
            {
                i++;
                continue;
            }

            ReadOnlySpan<char> name;
            var indexable = false;
            if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '"')
            {
                var end = path.IndexOf("\"]", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                name = path.AsSpan(i + 2, end - (i + 2));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                name = path.AsSpan(i + 1, end - (i + 1));
                indexable = true;
                i = end + 1;
            }
            else
            {
                var end = path.AsSpan(i).IndexOfAny('.', '[');
                end = end < 0 ? path.Length : i + end;
                name = path.AsSpan(i, end - i);
                i = end;
            }

            current = Step(current, name, indexable);
        }

        return current;
    }

    private static JsonElement Step(JsonElement current, ReadOnlySpan<char> name, bool indexable)
    {
        if (indexable && int.TryParse(name, out var index))
        {
            return current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength() ? current[index] : default;
        }

        return current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var child) ? child : default;
    }

    /// <summary>
    /// The last named part of a path (`Owner` of `tags.Owner`, `policy` of `inlinePolicies[0].policy`), or null
    /// when it has none: the name a value is shown and masked under.
    /// </summary>
    public static string? LastName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        // Most paths are one top-level name, which is its own last part: no parts to make for those, and this
        // runs for every property of every changed resource.
        if (path.Length > 0 && path.AsSpan().IndexOfAny('.', '[') < 0)
        {
            return path;
        }

        string? last = null;
        foreach (var part in Parse(path))
        {
            if (part is string name)
            {
                last = name;
            }
        }

        return last;
    }

    /// <summary>The top-level property a path starts with.</summary>
    public static string Root(string path) => Parse(path) is [string name, ..] ? name : path;
}
