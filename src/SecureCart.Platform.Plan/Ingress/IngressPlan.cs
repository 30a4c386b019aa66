using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Ingress;

/// <summary>How requests enter the region.</summary>
public sealed record IngressPlan(LoadBalancerPlan LoadBalancer, ApiGatewayPlan Api, OriginVerificationPlan OriginVerification, ImmutableArray<CertificatePlan> Certificates);
