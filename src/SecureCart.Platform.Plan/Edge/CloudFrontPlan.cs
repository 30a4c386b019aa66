using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Edge;

/// <summary>The CloudFront distribution: static assets from S3 through origin access control, the API to the accelerator.</summary>
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
    int WafRateLimitPer5Minutes);
