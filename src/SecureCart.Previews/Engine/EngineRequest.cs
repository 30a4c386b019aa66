using SecureCart.Previews.Planning;

namespace SecureCart.Previews.Engine;

/// <param name="Plan">What the environment is: the engine rebuilds the platform plan from it.</param>
/// <param name="StackName">One stack per environment.</param>
/// <param name="OperationId">Names the operation's own work directory.</param>
/// <param name="Database">On `up`, the environment's own database and role, created just before; null when the service provisions none.</param>
public sealed record EngineRequest(PreviewPlanRequest Plan, string StackName, Guid OperationId, EngineDatabase? Database = null);
