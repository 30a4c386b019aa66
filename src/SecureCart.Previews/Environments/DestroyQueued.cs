using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Environments;

/// <summary>A destroy that was accepted: the environment, now destroying, and the operation queued to do it.</summary>
internal sealed record DestroyQueued(EnvironmentRecord Environment, OperationRecord Operation);
