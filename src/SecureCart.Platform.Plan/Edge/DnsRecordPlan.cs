namespace SecureCart.Platform.Plan.Edge;

/// <summary>A public alias record; latency records carry the region as set identifier.</summary>
/// <param name="LogicalName">The record's resource name in its stack (dns-apex-a, dns-www-aaaa, dns-api, dns-gateway).</param>
public sealed record DnsRecordPlan(string Name, string Type, DnsTarget Target, string RoutingPolicy, string? SetIdentifier, string OwnerStack, string LogicalName);
