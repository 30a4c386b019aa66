namespace SecureCart.Platform.Plan.Parity;

/// <summary>Whether every stack plans the same thing apart from the declared per-stack settings.</summary>
public abstract record ParityResult
{
    private ParityResult()
    {
    }

    public sealed record Identical(string Fingerprint, int Stacks) : ParityResult;

    public sealed record Drifted(IReadOnlyList<PlanDifference> Differences) : ParityResult;
}
