namespace SecureCart.Platform.Plan.Cost;

/// <summary>
/// Compute and Database Savings Plans sized to the on-demand floor (what runs every hour even at minimum scale),
/// beside the list price. A commitment above the floor would be paid for in quiet hours and buy nothing.
/// </summary>
/// <param name="ComputeFloorHourlyUsd">On-demand Fargate tasks at each service's minimum plus the workers' minimum, at list price.</param>
/// <param name="ComputeCommitmentHourlyUsd">The Compute Savings Plan to buy: the floor at the discounted rate.</param>
/// <param name="DatabaseFloorHourlyUsd">Eligible database instances (all of them run every hour), at list price.</param>
/// <param name="DatabaseNote">Which database usage is eligible and why the rest is not.</param>
public sealed record SavingsPlanScenario(
    decimal ComputeFloorHourlyUsd,
    decimal ComputeCommitmentHourlyUsd,
    decimal ComputeSavingsMonthlyUsd,
    decimal DatabaseFloorHourlyUsd,
    decimal DatabaseCommitmentHourlyUsd,
    decimal DatabaseSavingsMonthlyUsd,
    string DatabaseNote,
    decimal ListMonthlyUsd,
    SavingsPlanRates Rates)
{
    public decimal SavingsMonthlyUsd => ComputeSavingsMonthlyUsd + DatabaseSavingsMonthlyUsd;

    public decimal WithPlansMonthlyUsd => ListMonthlyUsd - SavingsMonthlyUsd;
}
