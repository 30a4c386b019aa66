using Amazon.Route53;
using Amazon.Route53.Model;

namespace SecureCart.Platform.Verify.Route53;

/// <summary>The hosted zone read through Route 53: ListResourceRecordSets (all pages) and TestDNSAnswer.</summary>
internal sealed class Route53HostedZone(IAmazonRoute53 client, string hostedZoneId) : IHostedZone
{
    public static async Task<string?> FindZoneIdAsync(IAmazonRoute53 client, string domain, CancellationToken cancellationToken)
    {
        var response = await client.ListHostedZonesByNameAsync(new ListHostedZonesByNameRequest { DNSName = domain }, cancellationToken).ConfigureAwait(false);
        var zone = (response.HostedZones ?? []).FirstOrDefault(z => DnsNames.Normalize(z.Name) == DnsNames.Normalize(domain) && z.Config?.PrivateZone != true);
        return zone?.Id;
    }

    public async Task<IReadOnlyList<ObservedRecord>> ListRecordsAsync(CancellationToken cancellationToken)
    {
        var records = new List<ObservedRecord>();
        var request = new ListResourceRecordSetsRequest { HostedZoneId = hostedZoneId };
        while (true)
        {
            var page = await client.ListResourceRecordSetsAsync(request, cancellationToken).ConfigureAwait(false);
            records.AddRange((page.ResourceRecordSets ?? []).Select(r => new ObservedRecord(
                r.Name,
                r.Type?.Value ?? "",
                r.SetIdentifier,
                r.Region?.Value,
                r.AliasTarget?.DNSName,
                [.. (r.ResourceRecords ?? []).Select(v => v.Value)])));
            if (page.IsTruncated != true)
            {
                return records;
            }

            request.StartRecordName = page.NextRecordName;
            request.StartRecordType = page.NextRecordType;
            request.StartRecordIdentifier = page.NextRecordIdentifier;
        }
    }

    public async Task<DnsAnswer> TestAnswerAsync(string name, string type, CancellationToken cancellationToken)
    {
        var response = await client.TestDNSAnswerAsync(
            new TestDNSAnswerRequest { HostedZoneId = hostedZoneId, RecordName = name, RecordType = RRType.FindValue(type) },
            cancellationToken).ConfigureAwait(false);
        return new DnsAnswer(name, type, response.ResponseCode ?? "", [.. response.RecordData ?? []]);
    }
}
