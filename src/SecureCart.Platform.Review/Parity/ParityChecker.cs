using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureCart.Platform.Review.Export;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Parity;

/// <summary>
/// Compares two stack exports resource by resource (matched by type, logical name and the chain of parents
/// above it, since Pulumi only makes a URN unique with its parent chain) on their inputs,
/// after <see cref="ValueNormalizer"/>; the asymmetry the plan declares is reported as allowed, not as drift.
/// </summary>
public sealed class ParityChecker(ParityAllowances allowances)
{
    public ParityReport Compare(StackState left, StackState right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var leftStack = left.StackName ?? left.Source;
        var rightStack = right.StackName ?? right.Source;
        var leftNormalizer = Normalizer(left, leftStack);
        var rightNormalizer = Normalizer(right, rightStack);
        var leftByKey = Index(left);
        var rightByKey = Index(right);
        var differences = ImmutableArray.CreateBuilder<ParityDifference>();
        var compared = 0;
        foreach (var key in leftByKey.Keys.Union(rightByKey.Keys).Order())
        {
            var (type, logical, parents) = key;
            var name = parents.Length == 0 ? logical : string.Join("/", parents.Split('/').Select(p => p[(p.LastIndexOf("::", StringComparison.Ordinal) + 2)..]).Append(logical));
            var inLeft = leftByKey.TryGetValue(key, out var l);
            var inRight = rightByKey.TryGetValue(key, out var r);
            if (!inLeft || !inRight)
            {
                var owner = inLeft ? leftStack : rightStack;
                var allowed = allowances.HomeOnlyNames.Contains(name) && (allowances.HomeStack is null || allowances.HomeStack == owner)
                    ? $"home-stack-only resource owned by {owner} (plan: the home stack's edge, EdgePlan.LogicalNames)"
                    : null;
                differences.Add(new ParityDifference(type, name, null, inLeft ? "present" : "absent", inRight ? "present" : "absent", allowed));
                continue;
            }

            compared++;
            Diff(leftNormalizer.Normalize(Node(l!.Inputs)), rightNormalizer.Normalize(Node(r!.Inputs)), "", (path, a, b) =>
                differences.Add(new ParityDifference(type, name, path, a, b,
                    allowances.IsSetting(type, path) ? "declared per-stack setting" : null)));
        }

        return new ParityReport(leftStack, rightStack, compared, differences.ToImmutable());
    }

    private ValueNormalizer Normalizer(StackState state, string stack) =>
        new(stack, Region(state), allowances.VpcCidrs.GetValueOrDefault(stack) ?? VpcCidr(state));

    private static Dictionary<(string Type, string Name, string Parents), ResourceState> Index(StackState state)
    {
        var byUrn = new Dictionary<string, ResourceState>(StringComparer.Ordinal);
        foreach (var resource in state.Live)
        {
            byUrn.TryAdd(resource.Urn, resource);
        }

        var index = new Dictionary<(string, string, string), ResourceState>();
        foreach (var resource in state.Live)
        {
            if (resource.Type == "pulumi:pulumi:Stack" || !ResourceUrn.TryParse(resource.Urn, out var urn))
            {
                continue;
            }

            var key = (resource.Type, Name(resource.Type, urn.Name), Parents(resource, byUrn));

            // Two live resources with one key would be one URN twice; keep both rather than merge them.
            var copy = 2;
            var unique = key;
            while (!index.TryAdd(unique, resource))
            {
                unique = (key.Type, $"{key.Item2}#{copy++}", key.Item3);
            }
        }

        return index;
    }

    // Provider names carry a version (default_6_83_2); compare providers by package.
    private static string Name(string type, string name) =>
        type.StartsWith("pulumi:providers:", StringComparison.Ordinal) && name.StartsWith("default", StringComparison.Ordinal) ? "default" : name;

    // "type::name/type::name" from the top, without the stack; stops at a missing or cyclic parent.
    private static string Parents(ResourceState resource, Dictionary<string, ResourceState> byUrn)
    {
        var chain = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parent = resource.Parent;
        while (parent is not null && seen.Add(parent) && ResourceUrn.TryParse(parent, out var urn) && urn.Type != "pulumi:pulumi:Stack")
        {
            chain.Add($"{urn.Type}::{Name(urn.Type, urn.Name)}");
            parent = byUrn.TryGetValue(parent, out var above) ? above.Parent : null;
        }

        chain.Reverse();
        return string.Join("/", chain);
    }

    private static string? Region(StackState state) =>
        state.Live.Where(r => r.Type == "pulumi:providers:aws")
            .Select(r => r.Input("region"))
            .Where(v => v.ValueKind == JsonValueKind.String)
            .Select(v => v.GetString())
            .FirstOrDefault()
        ?? state.Live.Select(r => r.OutputOrInput("arn"))
            .Where(v => v.ValueKind == JsonValueKind.String)
            .Select(v => v.GetString()!.Split(':'))
            .Where(p => p.Length > 4 && p[3].Length > 0)
            .Select(p => p[3])
            .FirstOrDefault();

    private static string? VpcCidr(StackState state) =>
        state.Live.Where(r => r.Type is "aws:ec2/vpc:Vpc")
            .Select(r => r.Input("cidrBlock"))
            .Where(v => v.ValueKind == JsonValueKind.String)
            .Select(v => v.GetString())
            .FirstOrDefault();

    private static JsonNode? Node(JsonElement element) =>
        element.ValueKind is JsonValueKind.Undefined ? null : JsonNode.Parse(element.GetRawText());

    private static void Diff(JsonNode? a, JsonNode? b, string path, Action<string, string, string> report)
    {
        switch (a, b)
        {
            case (JsonObject x, JsonObject y):
                foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    Diff(x[key], y[key], path.Length == 0 ? key : $"{path}.{key}", report);
                }

                break;
            case (JsonArray x, JsonArray y) when x.Count == y.Count:
                for (var i = 0; i < x.Count; i++)
                {
                    Diff(x[i], y[i], $"{path}[{i}]", report);
                }

                break;
            default:
                var (left, right) = (Text(a, path), Text(b, path));
                if (left != right)
                {
                    report(path, left, right);
                }

                break;
        }
    }

    private static string Text(JsonNode? node, string path)
    {
        if (node is null)
        {
            return ValueText.Absent;
        }

        using var document = JsonDocument.Parse(node.ToJsonString());
        return ValueText.Format(document.RootElement, PropertyPath.Parse(path).OfType<string>().LastOrDefault() ?? path);
    }
}
