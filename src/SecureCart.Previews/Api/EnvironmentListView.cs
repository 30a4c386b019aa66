namespace SecureCart.Previews.Api;

/// <param name="Items">One page, oldest first.</param>
/// <param name="TotalEstimatedCostPerHour">Of the team's live environments (every page, not just this one).</param>
/// <param name="TotalEstimatedCostSoFar">Of every environment the list covers (every page).</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
/// <param name="Next">The next page's link (same filters and limit); null on the last page.</param>
public sealed record EnvironmentListView(
    IReadOnlyList<EnvironmentView> Items,
    decimal TotalEstimatedCostPerHour,
    decimal TotalEstimatedCostSoFar,
    string Engine,
    bool CreatesResources,
    string? NextCursor = null,
    string? Next = null);
