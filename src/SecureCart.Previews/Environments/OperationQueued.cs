using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Environments;

/// <summary>A create or delete that was accepted: the environment, in the status its operation holds, and the operation queued.</summary>
internal sealed record OperationQueued(EnvironmentRecord Environment, OperationRecord Operation);
