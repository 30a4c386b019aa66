using System.Collections.Immutable;
using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Plan.Network;

/// <summary>A service or function and its grants, as the network plan sees it to decide who reaches the data tier.</summary>
public sealed record DataClient(string LogicalName, ImmutableArray<ServiceAccess> Access);
