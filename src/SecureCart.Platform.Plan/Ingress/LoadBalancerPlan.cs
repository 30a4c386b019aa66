using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Ingress;

/// <summary>
/// The regional ALB. It is internal: Global Accelerator reaches internal ALBs, and the API Gateway VPC link is
/// inside the VPC, so nothing on the internet can bypass CloudFront's WAF or the gateway's throttling.
/// </summary>
public sealed record LoadBalancerPlan(
    string LogicalName,
    string Name,
    bool Internal,
    string CertificateDomain,
    ImmutableArray<string> CertificateAlternativeNames,
    ImmutableArray<ListenerPlan> Listeners,
    ImmutableArray<RoutingRulePlan> Rules,
    string DefaultService,
    int DeregistrationDelaySeconds,
    int IdleTimeoutSeconds);
