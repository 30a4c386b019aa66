using System.Collections.Immutable;
using Pulumi;
using SecureCart.Platform.Infra.Network;
using SecureCart.Platform.Plan.Data;

namespace SecureCart.Platform.Infra.Data;

/// <summary>The data plan and where it lives.</summary>
/// <param name="HomeTableArns">Replica stacks: each global table's ARN as the home stack exports it; null in the home stack.</param>
public sealed record RegionDataArgs(
    DataPlan Plan,
    RegionNetwork Network,
    Output<ImmutableDictionary<string, object>>? HomeTableArns,
    ImmutableSortedDictionary<string, string> Tags);
