using System.Text.Json;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Risk;

/// <summary>SC006: a security group opening a port other than the public web ports to 0.0.0.0/0 or ::/0.</summary>
public sealed class OpenIngressRule : IRiskRule
{
    public static readonly RiskRuleInfo Info = new(
        "SC006", "open-ingress", Severity.High, "A security group opens a non-web port to the internet",
        "Only the load balancers' 80 and 443 face the internet; any other port open to 0.0.0.0/0 or ::/0 exposes a service, database or SSH to scanning and brute force.",
        "Allow the port from the load balancer's or the VPC's security group instead of a world CIDR, or reach the host through Session Manager.");

    public IEnumerable<RiskRuleInfo> Rules => [Info];

    public IEnumerable<RiskFinding> Evaluate(PreviewStep change, ReviewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        if (!RiskFindings.Changes(change, policy))
        {
            yield break;
        }

        var inputs = change.New!.Inputs;
        IEnumerable<JsonElement> rules = change.Type switch
        {
            "aws:ec2/securityGroup:SecurityGroup" => Array(inputs, "ingress"),
            "aws:ec2/securityGroupRule:SecurityGroupRule" when Text(inputs, "type") == "ingress" => [inputs],
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" => [inputs],
            _ => [],
        };
        foreach (var rule in rules)
        {
            var worldCidrs = Strings(rule, "cidrBlocks").Concat(Strings(rule, "ipv6CidrBlocks"))
                .Append(Text(rule, "cidrIpv4")).Append(Text(rule, "cidrIpv6"))
                .Where(c => c is "0.0.0.0/0" or "::/0")
                .Distinct()
                .ToList();
            if (worldCidrs.Count == 0)
            {
                continue;
            }

            var protocol = Text(rule, "protocol") ?? Text(rule, "ipProtocol") ?? "tcp";
            var from = Number(rule, "fromPort");
            var to = Number(rule, "toPort") ?? from;
            var allPorts = protocol is "-1" or "all";
            var onlyPublic = !allPorts && from is { } f && to is { } t && t - f < 1024
                && Enumerable.Range(f, t - f + 1).All(policy.PublicPorts.Contains);
            if (!onlyPublic)
            {
                var ports = allPorts ? "all ports" : from == to ? $"port {from}" : $"ports {from}-{to}";
                yield return RiskFindings.For(Info, change, $"{change.Urn.Name} allows {protocol} {ports} from {string.Join(" and ", worldCidrs)}");
            }
        }
    }

    private static JsonElement[] Array(JsonElement obj, string name) =>
        PropertyPath.Resolve(obj, name) is { ValueKind: JsonValueKind.Array } array ? [.. array.EnumerateArray()] : [];

    private static IEnumerable<string?> Strings(JsonElement obj, string name) =>
        Array(obj, name).Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null);

    private static string? Text(JsonElement obj, string name) =>
        PropertyPath.Resolve(obj, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int? Number(JsonElement obj, string name) =>
        PropertyPath.Resolve(obj, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var n) ? n : null;
}
