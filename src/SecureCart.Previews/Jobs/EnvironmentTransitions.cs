using System.Collections.Immutable;
using System.Text.Json;
using SecureCart.Previews.Domain;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Jobs;

/// <summary>What an environment becomes when its operation ends, whoever ends it (worker, cancel, expired lease).</summary>
internal static class EnvironmentTransitions
{
    public static void Finish(EnvironmentRecord environment, OperationRecord operation, OperationStatus status, string? error, ImmutableDictionary<string, string> outputs, DateTimeOffset now)
    {
        if (environment.ActiveOperationId == operation.Id)
        {
            environment.ActiveOperationId = null;
        }

        switch (operation.Kind, status)
        {
            case (OperationKind.Up, OperationStatus.Succeeded):
                environment.Status = EnvironmentStatus.Ready;
                environment.StatusReason = null;
                environment.Url = outputs.GetValueOrDefault("url");
                environment.OutputsJson = JsonSerializer.Serialize(outputs);
                break;
            case (OperationKind.Destroy, OperationStatus.Succeeded):
                environment.Status = EnvironmentStatus.Destroyed;
                environment.StatusReason = null;
                environment.DestroyedAt = now;
                break;
            case (OperationKind.Destroy, OperationStatus.Cancelled) when operation.StartedAt is null:
                // Nothing ran: the environment is as it was.
                environment.Status = environment.Url is null ? EnvironmentStatus.Failed : EnvironmentStatus.Ready;
                environment.StatusReason = "destroy cancelled before it started";
                break;
            case (_, OperationStatus.Cancelled):
                environment.Status = EnvironmentStatus.Failed;
                environment.StatusReason = $"{operation.Kind.ToString().ToLowerInvariant()} cancelled; delete the environment to remove what was created";
                break;
            default:
                environment.Status = EnvironmentStatus.Failed;
                environment.StatusReason = error;
                break;
        }
    }
}
