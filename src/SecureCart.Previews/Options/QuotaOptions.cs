using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

internal sealed class QuotaOptions
{
    public const string Section = "Previews:Quotas";

    [Range(0, 10_000)] public int MaxEnvironments { get; set; } = 10;

    /// <summary>Ceiling on the summed estimated monthly cost (USD) of a team's live environments.</summary>
    [Range(0, 10_000_000)] public decimal MaxMonthlyCost { get; set; } = 2_000m;

    /// <summary>Per-team overrides, keyed by team name.</summary>
    public Dictionary<string, TeamQuotaOptions> Teams { get; set; } = new(StringComparer.Ordinal);
}
