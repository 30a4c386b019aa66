using System.Globalization;
using SecureCart.Platform.Plan.Configuration;
using YamlDotNet.RepresentationModel;

namespace SecureCart.Platform.Simulation.Profiles;

/// <summary>Reads typed fields from a YAML mapping, adding a fault (file, line, key, what to change) for each problem.</summary>
internal sealed class YamlFields(string file, List<ConfigFault> faults)
{
    public string File => file;

    public void Fault(string key, YamlNode? node, string message) =>
        faults.Add(new ConfigFault(file, key, node is null ? 0 : (int)node.Start.Line, message));

    /// <summary>Faults every key of <paramref name="map"/> not in <paramref name="known"/>, suggesting the closest.</summary>
    public void OnlyKnown(YamlMappingNode map, string prefix, IReadOnlyCollection<string> known)
    {
        foreach (var (key, _) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
            {
                Fault(prefix + name, key, $"unknown key{Suggest(name, known)}; known keys here: {string.Join(", ", known)}");
            }
        }
    }

    public YamlMappingNode? Map(YamlMappingNode parent, string key, string path, bool required = false)
    {
        var node = Child(parent, key);
        if (node is null)
        {
            if (required)
            {
                Fault(path, parent, "is required");
            }

            return null;
        }

        if (node is YamlMappingNode map)
        {
            return map;
        }

        Fault(path, node, "must be a mapping of 'key: value' lines");
        return null;
    }

    public YamlSequenceNode? List(YamlMappingNode parent, string key, string path)
    {
        var node = Child(parent, key);
        if (node is null or YamlSequenceNode)
        {
            return node as YamlSequenceNode;
        }

        Fault(path, node, "must be a list of '- ...' items");
        return null;
    }

    public string Text(YamlMappingNode parent, string key, string path, string? fallback)
    {
        var node = Child(parent, key);
        if (node is null)
        {
            if (fallback is null)
            {
                Fault(path, parent, "is required");
            }

            return fallback ?? "";
        }

        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Fault(path, node, "must be a single text value");
        return fallback ?? "";
    }

    public double Number(YamlMappingNode parent, string key, string path, double? fallback, double min, double max)
    {
        var node = Child(parent, key);
        if (node is null)
        {
            if (fallback is null)
            {
                Fault(path, parent, string.Create(CultureInfo.InvariantCulture, $"is required; give a number from {min} to {max}"));
            }

            return fallback ?? min;
        }

        if (node is not YamlScalarNode { Value: { } text } || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Fault(path, node, $"'{(node as YamlScalarNode)?.Value}' is not a number; write e.g. 1.5");
            return fallback ?? min;
        }

        if (value < min || value > max || double.IsNaN(value))
        {
            Fault(path, node, string.Create(CultureInfo.InvariantCulture, $"{value} is out of range; use a number from {min} to {max}"));
            return fallback ?? min;
        }

        return value;
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string Suggest(string name, IEnumerable<string> known)
    {
        var best = known.Select(k => (k, d: EditDistance.Between(name.ToLowerInvariant(), k.ToLowerInvariant()))).MinBy(x => x.d);
        return best.k is not null && best.d <= Math.Max(2, best.k.Length / 3) ? $" (did you mean '{best.k}'?)" : "";
    }
}
