namespace SecureCart.Previews.Options;

internal sealed class TeamQuotaOptions
{
    public int? MaxEnvironments { get; set; }
    public decimal? MaxMonthlyCost { get; set; }
}
