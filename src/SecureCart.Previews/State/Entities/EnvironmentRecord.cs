using SecureCart.Previews.Domain;

namespace SecureCart.Previews.State.Entities;

public sealed class EnvironmentRecord
{
    public Guid Id { get; set; }
    public string Team { get; set; } = "";
    public string Name { get; set; } = "";
    public string? GitRef { get; set; }
    public string? ImageTag { get; set; }
    public string Size { get; set; } = "";

    /// <summary>Decided by the plan at create; every operation on the environment uses this stack.</summary>
    public string StackName { get; set; } = "";
    public EnvironmentStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public string? Url { get; set; }
    public string OutputsJson { get; set; } = "{}";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? DestroyedAt { get; set; }
    public decimal CostPerHour { get; set; }
    public decimal CostPerMonth { get; set; }
    public Guid? ActiveOperationId { get; set; }
    public Guid LastOperationId { get; set; }
}
