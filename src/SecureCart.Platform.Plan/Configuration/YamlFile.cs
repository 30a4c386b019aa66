using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureCart.Platform.Plan.Configuration;

/// <summary>Reads a YAML file's top-level mapping, turning syntax errors into faults with a line.</summary>
internal static class YamlFile
{
    public static YamlMappingNode? LoadMapping(string path, List<ConfigFault> faults)
    {
        var file = Path.GetFileName(path);
        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0)
            {
                return new YamlMappingNode();
            }

            if (stream.Documents[0].RootNode is YamlMappingNode root)
            {
                return root;
            }

            faults.Add(new ConfigFault(file, "", Line(stream.Documents[0].RootNode), "the file must be a YAML mapping (key: value lines)"));
        }
        catch (YamlException e)
        {
            faults.Add(new ConfigFault(file, "", (int)e.Start.Line, $"not valid YAML: {e.Message}"));
        }

        return null;
    }

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
