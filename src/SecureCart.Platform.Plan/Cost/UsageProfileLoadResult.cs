using System.Collections.Immutable;
using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Plan.Cost;

public abstract record UsageProfileLoadResult
{
    public sealed record Loaded(UsageProfile Profile) : UsageProfileLoadResult;

    public sealed record Rejected(ImmutableArray<ConfigFault> Faults) : UsageProfileLoadResult;
}
