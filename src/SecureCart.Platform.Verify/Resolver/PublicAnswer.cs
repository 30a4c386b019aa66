using System.Net;

namespace SecureCart.Platform.Verify.Resolver;

/// <summary>What a resolver answers for one public name and type, with the evidence the judge reads.</summary>
/// <param name="ResponseCode">The DNS RCODE (NOERROR, NXDOMAIN, SERVFAIL…), or TIMEOUT when no server answered.</param>
/// <param name="CanonicalNames">The CNAME chain, in order, when the name is an alias by CNAME (Route 53 alias records show none).</param>
/// <param name="Addresses">The A or AAAA addresses at the end of the chain.</param>
/// <param name="ReverseNames">For each address, the names its PTR record gives (empty when there is none).</param>
public sealed record PublicAnswer(
    string Name,
    string Type,
    string ResponseCode,
    IReadOnlyList<string> CanonicalNames,
    IReadOnlyList<IPAddress> Addresses,
    IReadOnlyDictionary<IPAddress, IReadOnlyList<string>> ReverseNames)
{
    public const string NoError = "NOERROR";
    public const string NameError = "NXDOMAIN";
}
