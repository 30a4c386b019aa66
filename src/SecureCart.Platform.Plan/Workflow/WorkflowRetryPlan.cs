using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Workflow;

/// <summary>A Retry rule of a Task state: which errors, how often, how far apart (capped, with full jitter).</summary>
public sealed record WorkflowRetryPlan(ImmutableArray<string> Errors, int IntervalSeconds, int MaxAttempts, double BackoffRate, int MaxDelaySeconds);
