using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Cost;

/// <summary>A plan's estimated fixed cost, item by item (usage-priced items are listed at zero).</summary>
public sealed record CostEstimate(string Stack, string Region, string PriceSource, string PricesAsOf, ImmutableArray<CostItem> Items)
{
    public decimal HourlyUsd => Items.Sum(i => i.HourlyUsd);

    public decimal MonthlyUsd => Items.Sum(i => i.MonthlyUsd);
}
