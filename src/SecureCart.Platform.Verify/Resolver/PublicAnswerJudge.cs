using System.Net;
using System.Net.Sockets;

namespace SecureCart.Platform.Verify.Resolver;

/// <summary>
/// Judges what the world resolves for a public name against the plan. Evidence, strongest first: a CNAME chain
/// ending at a service's name; reverse DNS of the addresses (CloudFront's edge addresses resolve back to
/// <c>*.cloudfront.net</c>, the accelerator's to <c>*.awsglobalaccelerator.com</c>); the addresses of the planned
/// target's own name, when the stack outputs supply it. A name with no evidence either way is Unconfirmed, not Ok.
/// </summary>
public static class PublicAnswerJudge
{
    public static RecordFinding Judge(ExpectedRecord expected, PublicAnswer answer, PublicAnswer? target = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.ResponseCode == PublicAnswer.NameError)
        {
            return new(expected, FindingKind.Missing, $"the name does not exist (NXDOMAIN); the stack {expected.OwnerStack} creates it");
        }

        if (answer.ResponseCode != PublicAnswer.NoError)
        {
            return new(expected, FindingKind.NoAnswer, $"the resolver answers {answer.ResponseCode}");
        }

        var addresses = answer.Addresses.Count == 0 ? "no address" : List(answer.Addresses);
        if (answer.CanonicalNames.Count > 0)
        {
            return ByName(expected, answer.CanonicalNames[^1], $"CNAME to {answer.CanonicalNames[^1]}", addresses);
        }

        if (answer.Addresses.Count == 0)
        {
            return new(expected, FindingKind.Missing, $"the name exists but has no {expected.Type} record; the stack {expected.OwnerStack} creates it");
        }

        if (answer.Addresses.FirstOrDefault(IsPrivate) is { } inside)
        {
            return new(expected, FindingKind.PointsElsewhere, $"answers {inside}, an address no one on the internet can reach; expected {expected.Target}");
        }

        var reverse = answer.ReverseNames.Values.SelectMany(n => n).Select(n => (Name: n, Kind: DnsNames.Classify(n))).ToList();
        if (reverse.FirstOrDefault(r => r.Kind is { } k && k.Target != expected.Target) is { Kind: not null } foreign)
        {
            return new(expected, FindingKind.PointsElsewhere, $"answers {addresses}; {foreign.Name} (reverse DNS) is {foreign.Kind.Value.Target}, not {expected.Target}");
        }

        if (reverse.FirstOrDefault(r => r.Kind?.Target == expected.Target) is { Kind: not null } own)
        {
            return new(expected, FindingKind.Ok, $"answers {addresses}; reverse DNS {own.Name} is {expected.Target}");
        }

        if (target is not null)
        {
            return ByTargetAddresses(expected, answer, target, addresses);
        }

        return new(expected, FindingKind.Unconfirmed,
            $"answers {addresses}, but nothing says these are {expected.Target}'s; pass the target's name from the stack outputs (--target) to compare addresses");
    }

    private static RecordFinding ByName(ExpectedRecord expected, string name, string what, string addresses)
    {
        var kind = DnsNames.Classify(name);
        if (kind is null || kind.Value.Target != expected.Target)
        {
            return new(expected, FindingKind.PointsElsewhere, $"{what}, which is not {expected.Target}");
        }

        // A latency record answers the Region nearest the resolver, so a CNAME into another Region is not wrong.
        var elsewhere = expected.Region is not null && kind.Value.Region is { } region && region != expected.Region
            ? $" (latency routing answered {region} from here)"
            : "";
        return new(expected, FindingKind.Ok, $"{what}; answers {addresses}{elsewhere}");
    }

    private static RecordFinding ByTargetAddresses(ExpectedRecord expected, PublicAnswer answer, PublicAnswer target, string addresses)
    {
        var theirs = target.Addresses.ToHashSet();
        if (theirs.Count == 0)
        {
            return new(expected, FindingKind.Unconfirmed, $"answers {addresses}; the planned target {target.Name} answers {target.ResponseCode} with no address to compare");
        }

        if (answer.Addresses.Any(theirs.Contains))
        {
            return new(expected, FindingKind.Ok, $"answers {addresses}, as {target.Name} does");
        }

        // Latency routing answers the resolver's nearest Region: another Region's addresses are expected here.
        return expected.SetIdentifier is not null
            ? new(expected, FindingKind.Unconfirmed, $"answers {addresses}, not {target.Name}'s {List(theirs)}; a latency record answers the Region nearest this resolver")
            : new(expected, FindingKind.PointsElsewhere, $"answers {addresses}, but the planned target {target.Name} answers {List(theirs)}");
    }

    // Resolvers rotate record order; the report should not.
    private static string List(IEnumerable<IPAddress> addresses) => string.Join(", ", addresses.Select(a => a.ToString()).Order(StringComparer.Ordinal));

    /// <summary>Loopback, RFC 1918, link-local, carrier-grade NAT and IPv6 unique-local addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
