namespace SecureCart.Platform.Plan.Previews;

/// <summary>A planned preview, or the reasons the request cannot be planned.</summary>
public abstract record PreviewPlanResult
{
    private PreviewPlanResult()
    {
    }

    public sealed record Planned(PreviewEnvironmentPlan Plan) : PreviewPlanResult;

    public sealed record Rejected(IReadOnlyList<string> Reasons) : PreviewPlanResult;
}
