using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Edge;

/// <summary>
/// A DNS-validated ACM certificate with every logical name its resources take: the certificate, one validation
/// record per name it covers (so the count is known at preview), and the validation that waits for them.
/// </summary>
public sealed record CertificatePlan(string LogicalName, string DomainName, ImmutableArray<string> AlternativeNames)
{
    public string ValidationLogicalName => $"{LogicalName}-validation";

    /// <summary>One record per covered name, in order: the domain, then each alternative name.</summary>
    public ImmutableArray<ValidationRecordPlan> ValidationRecords =>
        [.. AlternativeNames.Prepend(DomainName).Select((name, i) => new ValidationRecordPlan($"{LogicalName}-validation-{i + 1}", name))];

    public IEnumerable<string> LogicalNames => [LogicalName, ValidationLogicalName, .. ValidationRecords.Select(r => r.LogicalName)];
}
