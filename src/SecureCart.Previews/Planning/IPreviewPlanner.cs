namespace SecureCart.Previews.Planning;

/// <summary>
/// The seam onto the platform plan: size profiles, names and the cost estimate of one preview environment.
/// Quotas and the budget read the estimate from here, never a figure of the service's own.
/// </summary>
public interface IPreviewPlanner
{
    IReadOnlyList<string> Sizes { get; }

    PreviewPlanOutcome Plan(PreviewPlanRequest request);
}
