namespace SecureCart.Platform.Plan.Edge;

/// <summary>A public alias record; latency records carry the region as set identifier.</summary>
public sealed record DnsRecordPlan(string Name, string Type, DnsTarget Target, string RoutingPolicy, string? SetIdentifier, string OwnerStack);
