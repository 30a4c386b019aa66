using Microsoft.Extensions.Options;

namespace SecureCart.Previews.Options;

/// <summary>The service's settings; every section is validated at start-up, nested ones included.</summary>
internal sealed class PreviewsOptions
{
    public const string Section = "Previews";

    /// <summary>The engine that runs operations: "plan-only" (embedded default, creates nothing) or one a host registers.</summary>
    public string Engine { get; set; } = "plan-only";

    [ValidateObjectMembers] public StateOptions State { get; set; } = new();
    [ValidateObjectMembers] public AuthOptions Auth { get; set; } = new();
    [ValidateObjectMembers] public LifetimeOptions Lifetime { get; set; } = new();
    [ValidateObjectMembers] public QuotaOptions Quotas { get; set; } = new();
    [ValidateObjectMembers] public WorkerOptions Worker { get; set; } = new();
    [ValidateObjectMembers] public ReaperOptions Reaper { get; set; } = new();
    [ValidateObjectMembers] public PreviewBaseOptions Base { get; set; } = new();
    [ValidateObjectMembers] public NetworkOptions Network { get; set; } = new();
    [ValidateObjectMembers] public AuditOptions Audit { get; set; } = new();
}
