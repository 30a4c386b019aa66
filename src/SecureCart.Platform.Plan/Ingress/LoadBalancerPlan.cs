using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Ingress;

/// <summary>
/// The regional ALB. It is internal: Global Accelerator reaches internal ALBs, and the API Gateway VPC link is
/// inside the VPC. Every forwarding rule also requires the origin header, and the listener's default answers 403,
/// so a request that did not come through CloudFront or the gateway reaches no service.
/// </summary>
/// <param name="DefaultRulePriority">Priority of the rule that forwards header-carrying requests to the default service (last).</param>
public sealed record LoadBalancerPlan(
    string LogicalName,
    string Name,
    bool Internal,
    string CertificateDomain,
    ImmutableArray<string> CertificateAlternativeNames,
    ImmutableArray<ListenerPlan> Listeners,
    ImmutableArray<RoutingRulePlan> Rules,
    string DefaultService,
    int DefaultRulePriority,
    int DeregistrationDelaySeconds,
    int IdleTimeoutSeconds);
