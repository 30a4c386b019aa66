using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Cost;

/// <summary>One line of a cost estimate.</summary>
/// <param name="Component">Plan area: network, compute, data, edge…</param>
/// <param name="Resource">What is priced (a service, the primary, a NAT gateway…).</param>
/// <param name="Sku">The price-file entry used, or empty for usage-priced items.</param>
/// <param name="Quantity">Units running (tasks, instances, GiB) times any Multi-AZ factor.</param>
/// <param name="Note">How the figure was reached, or why it is usage-priced.</param>
public sealed record CostItem(string Component, string Resource, string Sku, decimal Quantity, decimal HourlyUsd, decimal MonthlyUsd, string Note)
{
    public bool UsagePriced => Sku.Length == 0;

    /// <summary>
    /// Price-file entries this item needed that the region has no price for; its figures then leave them out
    /// (a lower bound) rather than borrow another region's price.
    /// </summary>
    public ImmutableArray<string> MissingPrices { get; init; } = [];

    public bool PriceUnknown => !MissingPrices.IsDefaultOrEmpty;

    /// <summary>Estimated from the usage profile rather than from what the plan provisions.</summary>
    public bool FromUsage { get; init; }
}
