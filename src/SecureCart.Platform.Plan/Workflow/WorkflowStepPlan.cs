namespace SecureCart.Platform.Plan.Workflow;

/// <summary>A state of the fulfilment state machine.</summary>
/// <param name="Lambda">Logical name of the function it invokes, or null for a non-Lambda state.</param>
/// <param name="OnFailure">State to go to when it fails after retries, or null to fail the execution.</param>
public sealed record WorkflowStepPlan(string Name, string? Lambda, string? OnFailure);
