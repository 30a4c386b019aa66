using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Ingress;

/// <summary>How requests enter the region.</summary>
public sealed record IngressPlan(LoadBalancerPlan LoadBalancer, ApiGatewayPlan Api, OriginVerificationPlan OriginVerification, ImmutableArray<CertificatePlan> Certificates)
{
    /// <summary>What only the home stack creates here: the origin secret and the records of names every stack certifies.</summary>
    public ImmutableArray<string> HomeOnlyLogicalNames =>
    [
        .. OriginVerification.LogicalNames,
        .. Certificates.SelectMany(c => c.ValidationRecords).Where(r => r.Shared && r.OwnedHere).Select(r => r.LogicalName),
    ];
}
