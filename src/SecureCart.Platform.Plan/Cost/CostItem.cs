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
}
