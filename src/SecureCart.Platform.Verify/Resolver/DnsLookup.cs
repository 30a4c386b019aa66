using System.Net;
using DnsClient;

namespace SecureCart.Platform.Verify.Resolver;

/// <summary>
/// Asks a resolver (the machine's own, or the name servers given) what the world sees: the answer for a name and
/// type with its CNAME chain, and the reverse names of the addresses. No cache: a re-run sees a fixed record.
/// </summary>
public sealed class DnsLookup
{
    private readonly LookupClient _client;

    public DnsLookup(IReadOnlyList<IPEndPoint> nameServers, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(nameServers);
        var options = nameServers.Count == 0 ? new LookupClientOptions() : new LookupClientOptions([.. nameServers]);
        options.UseCache = false;
        options.Timeout = timeout;
        options.Retries = 1;
        options.ThrowDnsErrors = false;
        // An NXDOMAIN from one server is the answer, not a reason to ask the next one.
        options.ContinueOnDnsError = false;
        options.ContinueOnEmptyResponse = false;
        options.UseTcpFallback = true;
        _client = new LookupClient(options);
    }

    public async Task<PublicAnswer> ResolveAsync(string name, string type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var queryType = type switch
        {
            "A" => QueryType.A,
            "AAAA" => QueryType.AAAA,
            _ => throw new ArgumentException($"only A and AAAA records are resolved, not {type}", nameof(type)),
        };
        IDnsQueryResponse response;
        try
        {
            response = await _client.QueryAsync(name, queryType, QueryClass.IN, cancellationToken).ConfigureAwait(false);
        }
        catch (DnsResponseException ex) when (ex.Code == DnsResponseCode.ConnectionTimeout)
        {
            return new PublicAnswer(name, type, "TIMEOUT", [], [], new Dictionary<IPAddress, IReadOnlyList<string>>());
        }

        var code = ResponseCode(response.Header.ResponseCode);
        var cnames = response.Answers.CnameRecords().Select(c => DnsNames.Normalize(c.CanonicalName.Value)).ToList();
        List<IPAddress> addresses = queryType == QueryType.A
            ? [.. response.Answers.ARecords().Select(a => a.Address)]
            : [.. response.Answers.AaaaRecords().Select(a => a.Address)];
        var reverse = new Dictionary<IPAddress, IReadOnlyList<string>>();
        foreach (var address in addresses.Distinct())
        {
            reverse[address] = await ReverseAsync(address, cancellationToken).ConfigureAwait(false);
        }

        return new PublicAnswer(DnsNames.Normalize(name), type, code, cnames, addresses, reverse);
    }

    private async Task<IReadOnlyList<string>> ReverseAsync(IPAddress address, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.QueryReverseAsync(address, cancellationToken).ConfigureAwait(false);
            return [.. response.Answers.PtrRecords().Select(p => DnsNames.Normalize(p.PtrDomainName.Value))];
        }
        catch (DnsResponseException ex) when (ex.Code == DnsResponseCode.ConnectionTimeout)
        {
            // No reverse answer is no evidence, not a failure: the judge then falls back to the target's addresses.
            return [];
        }
    }

    private static string ResponseCode(DnsHeaderResponseCode code) => code switch
    {
        DnsHeaderResponseCode.NoError => PublicAnswer.NoError,
        DnsHeaderResponseCode.NotExistentDomain => PublicAnswer.NameError,
        DnsHeaderResponseCode.ServerFailure => "SERVFAIL",
        DnsHeaderResponseCode.Refused => "REFUSED",
        _ => code.ToString().ToUpperInvariant(),
    };
}
