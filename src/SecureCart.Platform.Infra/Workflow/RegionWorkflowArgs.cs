using System.Collections.Immutable;
using Pulumi;
using SecureCart.Platform.Plan.Workflow;

namespace SecureCart.Platform.Infra.Workflow;

/// <summary>The workflow plan and the event bus its last step publishes to.</summary>
public sealed record RegionWorkflowArgs(WorkflowPlan Plan, string Region, string BusName, Output<string> BusArn, int LogRetentionDays, ImmutableSortedDictionary<string, string> Tags);
