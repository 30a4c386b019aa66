using System.Collections.Immutable;
using System.Text.Json;
using SecureCart.Previews.Domain;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Environments;

/// <summary>Writes what an environment becomes when its operation ends, whoever ends it (worker, cancel, expired lease).</summary>
/// <remarks>Which status follows is <see cref="EnvironmentStateMachine"/>'s decision; this only fills in the record.</remarks>
internal static class EnvironmentTransitions
{
    public static void Finish(EnvironmentRecord environment, OperationRecord operation, OperationStatus status, string? error, ImmutableDictionary<string, string> outputs, DateTimeOffset now)
    {
        if (environment.ActiveOperationId == operation.Id)
        {
            environment.ActiveOperationId = null;
        }

        var started = operation.StartedAt is not null;
        environment.Status = EnvironmentStateMachine.Finished(operation.Kind, status, started, wasReady: environment.Url is not null);
        switch (operation.Kind, status)
        {
            case (OperationKind.Up, OperationStatus.Succeeded):
                environment.StatusReason = null;
                environment.Url = outputs.GetValueOrDefault("url");
                environment.OutputsJson = JsonSerializer.Serialize(outputs);
                break;
            case (OperationKind.Destroy, OperationStatus.Succeeded):
                environment.StatusReason = null;
                environment.DestroyedAt = now;
                break;
            case (OperationKind.Destroy, OperationStatus.Cancelled) when !started:
                environment.StatusReason = "destroy cancelled before it started";
                break;
            case (_, OperationStatus.Cancelled):
                environment.StatusReason = $"{operation.Kind.ToString().ToLowerInvariant()} cancelled; delete the environment to remove what was created";
                break;
            default:
                environment.StatusReason = error;
                break;
        }
    }
}
