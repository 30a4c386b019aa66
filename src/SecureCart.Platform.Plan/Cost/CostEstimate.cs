using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Cost;

/// <summary>
/// A plan's estimated cost, item by item: fixed charges, and usage-priced items estimated from a usage profile (or
/// listed at zero without one). A region without some prices still gets an estimate: the items say which prices
/// are unknown and count them as zero.
/// </summary>
public sealed record CostEstimate(string Stack, string Region, string PriceSource, string PricesAsOf, ImmutableArray<CostItem> Items)
{
    public decimal HourlyUsd => Items.Sum(i => i.HourlyUsd);

    public decimal MonthlyUsd => Items.Sum(i => i.MonthlyUsd);

    /// <summary>Price-file entries missing for this region, each once; the totals are a lower bound when any are.</summary>
    public ImmutableArray<string> MissingPrices =>
        [.. Items.Where(i => i.PriceUnknown).SelectMany(i => i.MissingPrices).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public bool Complete => MissingPrices.IsEmpty;

    /// <summary>The usage profile the usage-priced items were estimated at, or null when they were left unestimated.</summary>
    public UsageProfile? Usage { get; init; }

    /// <summary>Compute and Database Savings Plans sized to the on-demand floor, beside this list-price estimate.</summary>
    public SavingsPlanScenario? SavingsPlans { get; init; }
}
