using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Ingress;

/// <summary>
/// The regional HTTP API for mobile apps and partners: a VPC link to the internal ALB, stage throttling and
/// tighter limits on checkout, a custom domain and a latency-based DNS record per region.
/// </summary>
public sealed record ApiGatewayPlan(
    string Name,
    string VpcLinkName,
    string StageName,
    string CustomDomain,
    ImmutableArray<string> Routes,
    RouteThrottlePlan DefaultThrottle,
    ImmutableArray<RouteThrottlePlan> RouteThrottles);
