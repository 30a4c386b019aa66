using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Simulation.Profiles;

/// <summary>Either a valid profile, or every fault found in the file.</summary>
public abstract record ProfileLoadResult
{
    private ProfileLoadResult()
    {
    }

    public sealed record Loaded(TrafficProfile Profile) : ProfileLoadResult;

    public sealed record Rejected(IReadOnlyList<ConfigFault> Faults) : ProfileLoadResult;
}
