using YamlDotNet.RepresentationModel;

namespace SecureCart.Platform.Plan.Configuration;

/// <summary>A Pulumi.&lt;stack&gt;.yaml file's config entries, each with its line.</summary>
public sealed record StackFile(string StackName, string FileName, IReadOnlyDictionary<string, ConfigValue> Values)
{
    public const string Prefix = "Pulumi.";

    /// <summary>Every stack file in <paramref name="directory"/>: adding a region is adding one of these.</summary>
    public static IReadOnlyList<string> Discover(string directory) =>
        [.. Directory.EnumerateFiles(directory, "Pulumi.*.yaml")
            .Concat(Directory.EnumerateFiles(directory, "Pulumi.*.yml"))
            .Order(StringComparer.Ordinal)];

    public static string StackNameOf(string path)
    {
        var file = Path.GetFileNameWithoutExtension(path);
        return file[Prefix.Length..];
    }

    public static StackFile? Load(string path, List<ConfigFault> faults)
    {
        var file = Path.GetFileName(path);
        var root = YamlFile.LoadMapping(path, faults);
        if (root is null)
        {
            return null;
        }

        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        var config = YamlFile.Child(root, "config");
        if (config is not null and not YamlMappingNode)
        {
            faults.Add(new ConfigFault(file, "config", YamlFile.Line(config), "must be a mapping of 'namespace:key: value' lines"));
            return null;
        }

        foreach (var (keyNode, valueNode) in (config as YamlMappingNode)?.Children ?? new YamlMappingNode().Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            values[key] = valueNode switch
            {
                YamlScalarNode scalar => new ConfigValue(scalar.Value ?? "", YamlFile.Line(keyNode), IsSecret: false),
                YamlMappingNode map when YamlFile.Child(map, "secure") is YamlScalarNode secure =>
                    new ConfigValue(secure.Value ?? "", YamlFile.Line(keyNode), IsSecret: true),
                _ => new ConfigValue("", YamlFile.Line(keyNode), IsSecret: false, IsScalar: false),
            };
        }

        return new StackFile(StackNameOf(path), file, values);
    }
}
