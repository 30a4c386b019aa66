using SecureCart.Previews.Domain;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Environments;

internal static class OperationFactory
{
    public static OperationRecord New(Guid environmentId, string team, OperationKind kind, string requestedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EnvironmentId = environmentId,
        Team = team,
        Kind = kind,
        Status = OperationStatus.Queued,
        RequestedBy = requestedBy,
        CreatedAt = now,
    };

    public static OperationEventRecord QueuedEvent(OperationRecord operation, DateTimeOffset now) => new()
    {
        OperationId = operation.Id,
        Sequence = 1,
        Type = "queued",
        Message = $"{operation.Kind.ToString().ToLowerInvariant()} queued by {operation.RequestedBy}",
        At = now,
    };
}
