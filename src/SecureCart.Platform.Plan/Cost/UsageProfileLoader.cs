using System.Collections.Immutable;
using System.Globalization;
using SecureCart.Platform.Plan.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureCart.Platform.Plan.Cost;

/// <summary>
/// Reads a usage profile (YAML: an <c>edge</c> and a <c>region</c> section of numbers) and refuses a broken one with
/// faults that name the field, the line and what to write instead.
/// </summary>
public static class UsageProfileLoader
{
    private static readonly ImmutableArray<(string Section, string Key, bool Share)> s_fields =
    [
        ("edge", "requestsPerSecond", false), ("edge", "egressGbPerMonth", false),
        ("region", "apiRequestsPerSecond", false), ("region", "gatewayRequestsPerSecond", false), ("region", "ordersPerSecond", false),
        ("region", "dynamoReadsPerApiRequest", false), ("region", "dynamoWritesPerApiRequest", false),
        ("region", "stateTransitionsPerOrder", false), ("region", "tracedRequestShare", true),
        ("region", "spanKbPerTracedRequest", false),
        ("region", "crossAzGbPerMonth", false), ("region", "logGbPerMonth", false),
    ];

    public static UsageProfileLoadResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            return new UsageProfileLoadResult.Rejected([new ConfigFault(Path.GetFileName(path), "", 0, $"usage profile not found at {path}")]);
        }

        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path));
    }

    public static UsageProfileLoadResult Parse(TextReader yaml, string name)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var faults = new List<ConfigFault>();
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(yaml);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                return new UsageProfileLoadResult.Rejected([new ConfigFault(name, "", 1, "a usage profile is a YAML mapping with an 'edge' and a 'region' section")]);
            }

            root = mapping;
        }
        catch (YamlException e)
        {
            return new UsageProfileLoadResult.Rejected([new ConfigFault(name, "", (int)e.Start.Line, $"not valid YAML: {e.Message}")]);
        }

        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var section = ((YamlScalarNode)keyNode).Value ?? "";
            if (section is not ("edge" or "region"))
            {
                faults.Add(new ConfigFault(name, section, YamlFile.Line(keyNode), $"unknown section{Suggest(section, ["edge", "region"])}; a usage profile has 'edge' and 'region'"));
                continue;
            }

            if (valueNode is not YamlMappingNode fields)
            {
                faults.Add(new ConfigFault(name, section, YamlFile.Line(valueNode), "must be a mapping of field: number lines"));
                continue;
            }

            var known = s_fields.Where(f => f.Section == section).Select(f => f.Key).ToArray();
            foreach (var (fieldKey, fieldValue) in fields.Children)
            {
                var field = ((YamlScalarNode)fieldKey).Value ?? "";
                var key = $"{section}.{field}";
                var definition = s_fields.FirstOrDefault(f => f.Section == section && f.Key == field);
                if (definition.Key is null)
                {
                    faults.Add(new ConfigFault(name, key, YamlFile.Line(fieldKey), $"unknown field{Suggest(field, known)}; '{section}' takes {string.Join(", ", known)}"));
                    continue;
                }

                if (fieldValue is not YamlScalarNode { Value: { } text } || !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    faults.Add(new ConfigFault(name, key, YamlFile.Line(fieldValue), $"must be a number, not '{(fieldValue as YamlScalarNode)?.Value ?? fieldValue.NodeType.ToString()}'"));
                    continue;
                }

                if (number < 0 || (definition.Share && number > 1))
                {
                    faults.Add(new ConfigFault(name, key, YamlFile.Line(fieldValue), definition.Share
                        ? string.Create(CultureInfo.InvariantCulture, $"is a share: write a number from 0 to 1, not {number}")
                        : string.Create(CultureInfo.InvariantCulture, $"must be zero or more, not {number}")));
                    continue;
                }

                values[key] = number;
            }
        }

        faults.AddRange(s_fields.Select(f => $"{f.Section}.{f.Key}").Where(k => !values.ContainsKey(k) && !faults.Any(x => x.Key == k))
            .Select(k => new ConfigFault(name, k, 0, "is missing; every field of the shipped default (Cost/usage-default.yaml) must be set")));
        if (faults.Count > 0)
        {
            return new UsageProfileLoadResult.Rejected([.. faults]);
        }

        return new UsageProfileLoadResult.Loaded(new UsageProfile(
            name,
            values["edge.requestsPerSecond"], values["edge.egressGbPerMonth"],
            values["region.apiRequestsPerSecond"], values["region.gatewayRequestsPerSecond"], values["region.ordersPerSecond"],
            values["region.dynamoReadsPerApiRequest"], values["region.dynamoWritesPerApiRequest"],
            values["region.stateTransitionsPerOrder"], values["region.tracedRequestShare"],
            values["region.spanKbPerTracedRequest"],
            values["region.crossAzGbPerMonth"], values["region.logGbPerMonth"]));
    }

    internal static UsageProfile LoadEmbeddedDefault()
    {
        using var stream = typeof(UsageProfileLoader).Assembly.GetManifestResourceStream("SecureCart.Platform.Plan.Cost.usage-default.yaml")
            ?? throw new InvalidOperationException("Cost/usage-default.yaml is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader, "default") switch
        {
            UsageProfileLoadResult.Loaded loaded => loaded.Profile,
            UsageProfileLoadResult.Rejected rejected => throw new InvalidOperationException($"the shipped usage profile is broken: {string.Join("; ", rejected.Faults)}"),
            _ => throw new InvalidOperationException("unreachable"),
        };
    }

    private static string Suggest(string given, IEnumerable<string> known) =>
        known.Select(k => (Key: k, Distance: EditDistance.Between(given, k))).Where(k => k.Distance <= 3).OrderBy(k => k.Distance).Select(k => $" (did you mean '{k.Key}'?)").FirstOrDefault() ?? "";
}
