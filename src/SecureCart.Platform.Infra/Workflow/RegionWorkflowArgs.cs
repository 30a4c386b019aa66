using System.Collections.Immutable;
using Pulumi;
using SecureCart.Platform.Infra.Compute;
using SecureCart.Platform.Plan.Workflow;

namespace SecureCart.Platform.Infra.Workflow;

/// <summary>The workflow plan, the event bus its last step publishes to, and what its functions may be granted.</summary>
public sealed record RegionWorkflowArgs(WorkflowPlan Plan, string Region, string BusName, Output<string> BusArn, AccessTargets Access, int LogRetentionDays, ImmutableSortedDictionary<string, string> Tags);
