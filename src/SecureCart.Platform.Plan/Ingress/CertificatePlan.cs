using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Ingress;

/// <summary>A DNS-validated ACM certificate and its validation records, one per name.</summary>
public sealed record CertificatePlan(string LogicalName, string Domain, ImmutableArray<string> AlternativeNames, ImmutableArray<ValidationRecordPlan> ValidationRecords)
{
    public string ValidationLogicalName => $"{LogicalName}-validation";

    /// <summary>A certificate whose validation records all belong to <paramref name="ownerStack"/>, one per covered name in order.</summary>
    public static CertificatePlan OwnedBy(string logicalName, string domain, ImmutableArray<string> alternativeNames, string ownerStack) =>
        new(logicalName, domain, alternativeNames,
            [.. alternativeNames.Prepend(domain).Select((name, i) => new ValidationRecordPlan($"{logicalName}-validation-{i + 1}", name, ownerStack, OwnedHere: true))]);

    /// <summary>The resources this stack creates for the certificate: itself, the records it owns, the validation.</summary>
    public IEnumerable<string> LogicalNames => [LogicalName, ValidationLogicalName, .. ValidationRecords.Where(r => r.OwnedHere).Select(r => r.LogicalName)];
}
