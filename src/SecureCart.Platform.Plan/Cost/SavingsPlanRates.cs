namespace SecureCart.Platform.Plan.Cost;

/// <summary>Published Savings Plans discounts (fractions of the On-Demand price), with their term and source.</summary>
public sealed record SavingsPlanRates(
    string AsOf,
    decimal ComputeFargateDiscount,
    decimal ComputeEc2Discount,
    string ComputeTerm,
    string ComputeSource,
    decimal DatabaseInstanceDiscount,
    string DatabaseTerm,
    string DatabaseSource)
{
    public static SavingsPlanRates None { get; } = new("", 0, 0, "", "", 0, "", "");
}
