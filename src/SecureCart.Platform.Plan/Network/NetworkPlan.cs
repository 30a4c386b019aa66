using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Network;

/// <summary>The stack's VPC: its block, zones, subnets, NAT gateways and endpoints.</summary>
public sealed record NetworkPlan(
    string VpcName,
    string Cidr,
    ImmutableArray<string> AvailabilityZones,
    ImmutableArray<SubnetPlan> Subnets,
    NatStrategy Nat,
    ImmutableArray<string> NatGatewayZones,
    ImmutableArray<string> GatewayEndpoints,
    ImmutableArray<string> InterfaceEndpoints,
    ImmutableArray<SecurityTierPlan> SecurityTiers);
