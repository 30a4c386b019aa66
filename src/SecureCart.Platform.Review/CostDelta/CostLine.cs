namespace SecureCart.Platform.Review.CostDelta;

/// <summary>
/// What one change does to the monthly bill. <see cref="MonthlyDelta"/> is null when the resource is
/// usage-priced or has no price in the plan's price book; <see cref="Basis"/> says which.
/// </summary>
public sealed record CostLine(string Urn, string Type, string Name, string Operation, decimal? MonthlyBefore, decimal? MonthlyAfter, string Basis)
{
    public decimal? MonthlyDelta => (MonthlyBefore, MonthlyAfter) switch
    {
        (null, null) => null,
        var (before, after) => (after ?? 0m) - (before ?? 0m),
    };
}
