using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Network;

/// <summary>A security group tier and the tiers (not addresses) it accepts traffic from.</summary>
/// <param name="LogicalName">Region-neutral name (alb, services, data, endpoints).</param>
/// <param name="Name">Physical group name.</param>
/// <param name="Ingress">Allowed sources: another tier's logical name, or an AWS-managed prefix list for the ALB.</param>
public sealed record SecurityTierPlan(string LogicalName, string Name, ImmutableArray<IngressRulePlan> Ingress);
