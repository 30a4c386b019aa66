using System.Collections.Immutable;
using SecureCart.Platform.Infra.Network;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Edge;
using SecureCart.Platform.Plan.Ingress;

namespace SecureCart.Platform.Infra.Ingress;

/// <summary>The ALB and API Gateway plans, the services they route to, and where they live.</summary>
/// <param name="HostedZone">The stack's public domain (its Route 53 hosted zone).</param>
public sealed record RegionIngressArgs(
    IngressPlan Plan,
    ImmutableArray<ServicePlan> Services,
    DnsRecordPlan ApiRecord,
    string HostedZone,
    RegionNetwork Network,
    ImmutableSortedDictionary<string, string> Tags);
