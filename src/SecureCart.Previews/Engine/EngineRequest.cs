using SecureCart.Previews.Planning;

namespace SecureCart.Previews.Engine;

/// <param name="Plan">What the environment is: the engine rebuilds the platform plan from it.</param>
/// <param name="StackName">One stack per environment.</param>
/// <param name="OperationId">Names the operation's own work directory.</param>
public sealed record EngineRequest(PreviewPlanRequest Plan, string StackName, Guid OperationId);
