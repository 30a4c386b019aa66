using System.Collections.Immutable;
using Pulumi;
using SecureCart.Platform.Plan.Audit;

namespace SecureCart.Platform.Infra.Audit;

/// <summary>The audit plan, the stack's Region and VPC (for the flow logs), and the tags.</summary>
public sealed record RegionAuditArgs(AuditPlan Plan, string Region, Output<string> VpcId, ImmutableSortedDictionary<string, string> Tags);
