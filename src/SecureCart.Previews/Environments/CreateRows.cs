using SecureCart.Previews.Audit;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Environments;

/// <summary>Everything an accepted create writes, built before the transaction starts so none of it is computed under the team's lock.</summary>
internal sealed record CreateRows(
    EnvironmentRecord Environment,
    OperationRecord Operation,
    OperationEventRecord Queued,
    IdempotencyRecord? Idempotency,
    AuditEntry Audit);
