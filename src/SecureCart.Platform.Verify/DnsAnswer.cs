namespace SecureCart.Platform.Verify;

/// <summary>What Route 53 answers for a name and type (TestDNSAnswer).</summary>
/// <param name="ResponseCode">DNS RCODE, NOERROR when the query is answered.</param>
public sealed record DnsAnswer(string Name, string Type, string ResponseCode, IReadOnlyList<string> RecordData)
{
    public bool Answered => ResponseCode == "NOERROR" && RecordData.Count > 0;
}
