namespace SecureCart.Platform.Plan.Edge;

/// <summary>The DNS record that proves control of <paramref name="DomainName"/> to ACM.</summary>
public sealed record ValidationRecordPlan(string LogicalName, string DomainName);
