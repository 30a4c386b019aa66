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
        var current = root;
        foreach (var part in Parse(path))
        {
            current = (part, current.ValueKind) switch
            {
                (int index, JsonValueKind.Array) when index < current.GetArrayLength() => current[index],
                (string name, JsonValueKind.Object) when current.TryGetProperty(name, out var child) => child,
                _ => default,
            };
            if (current.ValueKind == JsonValueKind.Undefined)
            {
                break;
            }
        }

        return current;
    }

    /// <summary>The top-level property a path starts with.</summary>
    public static string Root(string path) => Parse(path) is [string name, ..] ? name : path;
}
