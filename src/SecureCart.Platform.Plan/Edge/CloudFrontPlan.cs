using System.Collections.Immutable;
using SecureCart.Platform.Plan.Ingress;

namespace SecureCart.Platform.Plan.Edge;

/// <summary>
/// The CloudFront distribution: pages and the API to the accelerator (the storefront is the ALB's default service),
/// static assets under <paramref name="StaticPathPattern"/> from S3 through origin access control, and shared
/// dynamic responses (<paramref name="DynamicCaches"/>) cached briefly at the edge.
/// </summary>
/// <param name="ApiOriginDomain">
/// The accelerator's public name (<c>api.&lt;domain&gt;</c>, an alias of its DNS name): CloudFront checks the
/// origin's certificate against this name, and the ALB certificate covers it; the raw accelerator name it would not.
/// </param>
/// <param name="StaticReplication">The static bucket's copy in the partner region and the origin group over both; null without a partner region.</param>
/// <param name="CertificateProviderLogicalName">The us-east-1 provider's name, or null when the home stack is in us-east-1.</param>
public sealed record CloudFrontPlan(
    ImmutableArray<string> Aliases,
    string PriceClass,
    string StaticBucketName,
    string OriginAccessControlName,
    string ApiPathPattern,
    string StaticCachePolicy,
    string ApiCachePolicy,
    string ApiOriginRequestPolicy,
    string MinimumProtocolVersion,
    string CertificateRegion,
    string WebAclName,
    int WafRateLimitPer5Minutes,
    string ApiOriginDomain,
    CertificatePlan Certificate,
    string? CertificateProviderLogicalName,
    string DefaultOrigin,
    string StaticPathPattern,
    ImmutableArray<EdgeCachePlan> DynamicCaches,
    StaticReplicationPlan? StaticReplication = null)
{
    public const string ApiOrigin = "api";

    public const string StaticOrigin = "static";
}
