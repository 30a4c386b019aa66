namespace SecureCart.Platform.Plan.Configuration;

/// <summary>Either every stack is valid, or every fault found in every file.</summary>
public abstract record ProjectLoadResult
{
    private ProjectLoadResult()
    {
    }

    public sealed record Loaded(ProjectConfiguration Project) : ProjectLoadResult;

    public sealed record Rejected(IReadOnlyList<ConfigFault> Faults) : ProjectLoadResult;
}
