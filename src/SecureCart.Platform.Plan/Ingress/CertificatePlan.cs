using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Ingress;

/// <summary>A DNS-validated ACM certificate and its validation records, one per name.</summary>
public sealed record CertificatePlan(string LogicalName, string Domain, ImmutableArray<string> AlternativeNames, ImmutableArray<ValidationRecordPlan> ValidationRecords);
