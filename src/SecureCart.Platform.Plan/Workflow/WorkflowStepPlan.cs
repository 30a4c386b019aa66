using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Workflow;

/// <summary>A state of the fulfilment state machine.</summary>
/// <param name="Lambda">Logical name of the function an <see cref="WorkflowStepKind.InvokeFunction"/> state invokes.</param>
/// <param name="DetailType">The event a <see cref="WorkflowStepKind.PublishEvent"/> or <see cref="WorkflowStepKind.ParkEvent"/> state carries.</param>
/// <param name="Next">The state after success, or null when the execution ends there.</param>
/// <param name="TimeoutSeconds">How long the task may take before <c>States.Timeout</c>; null for a Fail state.</param>
public sealed record WorkflowStepPlan(
    string Name,
    WorkflowStepKind Kind,
    string? Lambda,
    string? DetailType,
    string? Next,
    int? TimeoutSeconds,
    ImmutableArray<WorkflowRetryPlan> Retries,
    ImmutableArray<WorkflowCatchPlan> Catches);
