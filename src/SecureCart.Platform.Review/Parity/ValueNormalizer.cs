using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Review.Parity;

/// <summary>
/// Rewrites what legitimately differs between two regional stacks into placeholders: the region and its AZ
/// names, account ids, physical ids (vpc-…, sg-…), Pulumi's generated name suffixes, the stack name, and
/// addresses inside the stack's VPC range (compared by their offset from the range's base).
/// </summary>
public sealed partial class ValueNormalizer(string stack, string? region, string? vpcCidr)
{
    private readonly Ipv4Cidr? _vpc = vpcCidr is not null && Ipv4Cidr.TryParse(vpcCidr, out var cidr) ? cidr : null;

    public JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(p => p.Key != "__defaults")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(Text(p.Key), Normalize(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Normalize)]),
        JsonValue value when value.TryGetValue(out string? text) => JsonValue.Create(Text(text)),
        null => null,
        _ => node.DeepClone(),
    };

    public string Text(string text)
    {
        if (_vpc is { } vpc && Ipv4Cidr.TryParse(text, out var cidr) && vpc.Contains(cidr))
        {
            var offset = cidr.Network - vpc.Network;
            return string.Create(CultureInfo.InvariantCulture, $"<vpc>+{offset >> 24}.{(offset >> 16) & 255}.{(offset >> 8) & 255}.{offset & 255}/{cidr.PrefixLength}");
        }

        var result = text;
        if (region is not null)
        {
            result = result.Replace(region, "<region>", StringComparison.Ordinal);
        }

        result = Account().Replace(result, "<account>");
        result = PhysicalId().Replace(result, m => $"{m.Groups[1].Value}-<id>");
        result = GeneratedSuffix().Replace(result, "-<suffix>");
        if (stack.Length > 0)
        {
            result = result.Replace(stack, "<stack>", StringComparison.Ordinal);
        }

        return AvailabilityZone().Replace(result, "<region><az>");
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{12}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Account();

    [GeneratedRegex(@"\b(vpc|subnet|sg|igw|nat|rtb|rtbassoc|eni|i|vol|snap|ami|eipalloc|eipassoc|acl|tgw|tgw-attach|vpce|lt|pl|cluster|db)-[0-9a-f]{8,17}\b", RegexOptions.CultureInvariant)]
    private static partial Regex PhysicalId();

    // Pulumi's auto-naming appends '-' and 7 random hex digits; requiring a digit spares ordinary words.
    [GeneratedRegex(@"-(?=[0-9a-f]{0,6}[0-9])[0-9a-f]{7}\b", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedSuffix();

    [GeneratedRegex(@"<region>[a-f]\b", RegexOptions.CultureInvariant)]
    private static partial Regex AvailabilityZone();
}
