using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Workflow;

/// <summary>A Catch rule: after retries, these errors go to <paramref name="Next"/> with the error at <paramref name="ResultPath"/>.</summary>
public sealed record WorkflowCatchPlan(ImmutableArray<string> Errors, string Next, string ResultPath);
