using SecureCart.Previews.Domain;

namespace SecureCart.Previews.State.Entities;

public sealed class OperationRecord
{
    public Guid Id { get; set; }
    public Guid EnvironmentId { get; set; }
    public string Team { get; set; } = "";
    public OperationKind Kind { get; set; }
    public OperationStatus Status { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>Raised on every claim; a write carrying an older token is refused.</summary>
    public long FencingToken { get; set; }

    public int Attempts { get; set; }
    public bool CancelRequested { get; set; }
    public string? Error { get; set; }
}
