namespace SecureCart.Previews.Options;

internal sealed class PreviewsOptions
{
    public const string Section = "Previews";

    /// <summary>The engine that runs operations: "plan-only" (embedded default, creates nothing) or one a host registers.</summary>
    public string Engine { get; set; } = "plan-only";

    public StateOptions State { get; set; } = new();
    public AuthOptions Auth { get; set; } = new();
    public LifetimeOptions Lifetime { get; set; } = new();
    public QuotaOptions Quotas { get; set; } = new();
    public WorkerOptions Worker { get; set; } = new();
    public ReaperOptions Reaper { get; set; } = new();
    public PreviewBaseOptions Base { get; set; } = new();
    public NetworkOptions Network { get; set; } = new();
}
