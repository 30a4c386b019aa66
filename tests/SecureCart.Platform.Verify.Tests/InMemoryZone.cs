namespace SecureCart.Platform.Verify.Tests;

/// <summary>A hosted zone in memory: its record sets, and the names Route 53 answers for.</summary>
internal sealed class InMemoryZone(IReadOnlyList<ObservedRecord> records, IReadOnlyDictionary<string, string[]> answers) : IHostedZone
{
    public List<string> Queries { get; } = [];

    public Task<IReadOnlyList<ObservedRecord>> ListRecordsAsync(CancellationToken cancellationToken) => Task.FromResult(records);

    public Task<DnsAnswer> TestAnswerAsync(string name, string type, CancellationToken cancellationToken)
    {
        Queries.Add($"{name} {type}");
        return Task.FromResult(answers.TryGetValue($"{name} {type}", out var data)
            ? new DnsAnswer(name, type, "NOERROR", data)
            : new DnsAnswer(name, type, "NXDOMAIN", []));
    }
}
