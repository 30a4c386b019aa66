using SecureCart.Previews.Domain;

namespace SecureCart.Previews.Environments;

/// <summary>How the create's transaction ended: committed, or rolled back for a reason the command answers with.</summary>
internal abstract record CreateAttempt
{
    private CreateAttempt()
    {
    }

    public sealed record Committed : CreateAttempt;

    /// <summary>The Idempotency-Key was used before: the command replays or refuses, depending on the earlier body.</summary>
    public sealed record Earlier(string RequestHash, Guid EnvironmentId, Guid OperationId) : CreateAttempt;

    public sealed record Refused(Refusal Refusal) : CreateAttempt;
}
