using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Edge;

/// <summary>The global singletons the home stack owns.</summary>
/// <param name="WebAcl">CloudFront's web ACL: managed rule groups, the rate rule, and its request logs.</param>
/// <param name="EndpointGroupRegions">Every stack's region: each registers its own endpoint group.</param>
public sealed record EdgePlan(
    string AcceleratorName,
    string ListenerProtocol,
    ImmutableArray<int> ListenerPorts,
    string ClientAffinity,
    ImmutableArray<string> EndpointGroupRegions,
    CloudFrontPlan CloudFront,
    string HostedZone,
    ImmutableArray<DnsRecordPlan> Records,
    WebAclPlan WebAcl)
{
    /// <summary>Every resource name the edge adds to the home stack; parity allows exactly these as home-only.</summary>
    public ImmutableArray<string> LogicalNames =>
    [
        .. EdgeLogicalNames.Fixed,
        .. CloudFront.Certificate.LogicalNames,
        .. CloudFront.CertificateProviderLogicalName is { } provider ? [provider] : Array.Empty<string>(),
        .. Records.Select(r => r.LogicalName),
        .. CloudFront.DynamicCaches.Select(c => c.LogicalName),
        .. CloudFront.StaticReplication is null ? [] : StaticReplicationPlan.LogicalNames,
    ];
}
