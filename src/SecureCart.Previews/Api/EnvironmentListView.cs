namespace SecureCart.Previews.Api;

public sealed record EnvironmentListView(
    IReadOnlyList<EnvironmentView> Items,
    decimal TotalEstimatedCostPerHour,
    decimal TotalEstimatedCostSoFar,
    string Engine,
    bool CreatesResources);
