using System.Collections.Immutable;
using Pulumi;
using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Infra.Edge;

/// <summary>The home stack's edge plan, its region, the origin header CloudFront adds, and the tags.</summary>
/// <param name="LogBucketDomain">CloudFront's standard-logging bucket (its bucket domain name), when the audit plan has one.</param>
public sealed record GlobalEdgeArgs(EdgePlan Plan, string Region, string OriginHeaderName, Output<string> OriginVerifyValue, ImmutableSortedDictionary<string, string> Tags,
    Output<string>? LogBucketDomain = null, string LogPrefix = "cloudfront");
