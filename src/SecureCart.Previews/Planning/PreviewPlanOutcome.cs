using System.Collections.Immutable;

namespace SecureCart.Previews.Planning;

public abstract record PreviewPlanOutcome
{
    private PreviewPlanOutcome()
    {
    }

    public sealed record Planned(PreviewEstimate Estimate) : PreviewPlanOutcome;

    public sealed record Rejected(ImmutableArray<string> Reasons) : PreviewPlanOutcome;
}
