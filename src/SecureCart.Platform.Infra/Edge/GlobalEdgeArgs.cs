using System.Collections.Immutable;
using Pulumi;
using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Infra.Edge;

/// <summary>The home stack's edge plan, its region, the origin header CloudFront adds, and the tags.</summary>
public sealed record GlobalEdgeArgs(EdgePlan Plan, string Region, string OriginHeaderName, Output<string> OriginVerifyValue, ImmutableSortedDictionary<string, string> Tags);
