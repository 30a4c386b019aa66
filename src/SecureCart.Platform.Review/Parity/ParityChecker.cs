using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureCart.Platform.Review.Export;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Parity;

/// <summary>
/// Compares two stack exports resource by resource (matched by type and logical name) on their inputs,
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
            var (type, name) = key;
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

    private static Dictionary<(string Type, string Name), ResourceState> Index(StackState state)
    {
        var index = new Dictionary<(string, string), ResourceState>();
        foreach (var resource in state.Live)
        {
            if (resource.Type == "pulumi:pulumi:Stack" || !ResourceUrn.TryParse(resource.Urn, out var urn))
            {
                continue;
            }

            // Provider names carry a version (default_6_83_2); compare providers by package.
            var name = resource.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal) && urn.Name.StartsWith("default", StringComparison.Ordinal)
                ? "default"
                : urn.Name;
            index.TryAdd((resource.Type, name), resource);
        }

        return index;
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
