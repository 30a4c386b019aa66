using System.Collections.Immutable;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Infra.Network;

/// <summary>What the network component builds: the plan's VPC and the stack's tags.</summary>
public sealed record RegionNetworkArgs(NetworkPlan Plan, string Region, ImmutableSortedDictionary<string, string> Tags);
