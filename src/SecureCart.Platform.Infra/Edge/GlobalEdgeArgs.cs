using System.Collections.Immutable;
using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Infra.Edge;

/// <summary>The home stack's global singletons and the region the stack runs in (for the certificate provider).</summary>
public sealed record GlobalEdgeArgs(EdgePlan Plan, string Region, ImmutableSortedDictionary<string, string> Tags);
