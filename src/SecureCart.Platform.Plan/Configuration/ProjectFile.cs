using YamlDotNet.RepresentationModel;

namespace SecureCart.Platform.Plan.Configuration;

/// <summary>Pulumi.yaml: the project name, its program and its declared config keys with defaults.</summary>
public sealed record ProjectFile(string Name, string Runtime, string? Main, IReadOnlyDictionary<string, ProjectConfigDeclaration> Config)
{
    public const string FileName = "Pulumi.yaml";

    /// <summary>Reads and checks Pulumi.yaml against the schema; returns null after adding faults when unusable.</summary>
    public static ProjectFile? Load(string directory, List<ConfigFault> faults)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            faults.Add(new ConfigFault(FileName, "", 0, $"not found in {directory}; run from the repository root or pass --project"));
            return null;
        }

        var before = faults.Count;
        var root = YamlFile.LoadMapping(path, faults);
        if (root is null)
        {
            return null;
        }

        var name = Scalar(root, "name");
        if (name != StackSettingsSchema.ProjectName)
        {
            faults.Add(new ConfigFault(FileName, "name", Line(root, "name"), $"the project must be named '{StackSettingsSchema.ProjectName}' (its keys are the securecart: namespace), not '{name}'"));
        }

        var runtime = Scalar(root, "runtime") ?? RuntimeName(root);
        if (runtime != "dotnet")
        {
            faults.Add(new ConfigFault(FileName, "runtime", Line(root, "runtime"), $"runtime must be dotnet, not '{runtime}'"));
        }

        var declarations = new Dictionary<string, ProjectConfigDeclaration>(StringComparer.Ordinal);
        if (YamlFile.Child(root, "config") is YamlMappingNode config)
        {
            foreach (var (keyNode, valueNode) in config.Children)
            {
                var declaration = Declaration(((YamlScalarNode)keyNode).Value ?? "", valueNode, faults);
                if (declaration is not null)
                {
                    declarations[declaration.Name] = declaration;
                }
            }
        }

        foreach (var key in StackSettingsSchema.Keys.Where(k => !declarations.ContainsKey(k.Name)))
        {
            faults.Add(new ConfigFault(FileName, "config", Line(root, "config"), $"the key '{key.Name}' is not declared; add it with type {TypeName(key.Type)}"));
        }

        return faults.Count == before ? new ProjectFile(name!, runtime!, Scalar(root, "main"), declarations) : null;
    }

    public static string TypeName(ConfigValueType type) => type switch
    {
        ConfigValueType.WholeNumber => "integer",
        ConfigValueType.Boolean => "boolean",
        _ => "string",
    };

    private static ProjectConfigDeclaration? Declaration(string rawName, YamlNode node, List<ConfigFault> faults)
    {
        var line = YamlFile.Line(node);
        var name = rawName.StartsWith(StackSettingsSchema.ProjectName + ":", StringComparison.Ordinal)
            ? rawName[(StackSettingsSchema.ProjectName.Length + 1)..]
            : rawName;
        if (name.Contains(':', StringComparison.Ordinal))
        {
            return null; // another package's key (aws:region): Pulumi validates those itself
        }

        if (!StackSettingsSchema.ByName.TryGetValue(name, out var key))
        {
            faults.Add(new ConfigFault(FileName, rawName, line, "declared here but unknown to the plan; remove it or add it to StackSettingsSchema"));
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            faults.Add(new ConfigFault(FileName, rawName, line, $"declare it as a mapping with 'type: {TypeName(key.Type)}'"));
            return null;
        }

        var type = Scalar(map, "type");
        if (type != TypeName(key.Type))
        {
            faults.Add(new ConfigFault(FileName, rawName, line, $"type is '{type}' but the plan reads it as {TypeName(key.Type)}; declare 'type: {TypeName(key.Type)}'"));
        }

        var secret = Scalar(map, "secret") == "true";
        if (secret != key.Secret)
        {
            faults.Add(new ConfigFault(FileName, rawName, line, key.Secret ? "must be declared 'secret: true'" : "must not be declared secret"));
        }

        var defaultNode = YamlFile.Child(map, "default");
        var value = defaultNode is YamlScalarNode scalar
            ? new ConfigValue(scalar.Value ?? "", YamlFile.Line(scalar), IsSecret: false)
            : null;
        return new ProjectConfigDeclaration(name, type ?? "", value, secret, line);
    }

    private static string? Scalar(YamlMappingNode map, string key) => (YamlFile.Child(map, key) as YamlScalarNode)?.Value;

    private static string? RuntimeName(YamlMappingNode map) =>
        YamlFile.Child(map, "runtime") is YamlMappingNode runtime ? Scalar(runtime, "name") : null;

    private static int Line(YamlMappingNode map, string key) =>
        YamlFile.Child(map, key) is { } node ? YamlFile.Line(node) : 0;
}
