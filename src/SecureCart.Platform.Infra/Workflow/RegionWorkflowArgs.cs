using System.Collections.Immutable;
using Pulumi;
using SecureCart.Platform.Infra.Compute;
using SecureCart.Platform.Plan.Workflow;

namespace SecureCart.Platform.Infra.Workflow;

/// <summary>
/// The workflow plan, the event bus it publishes to, the queue where it parks events the bus refuses, and what its
/// functions may be granted, and the network the functions that reach a data store run in.
/// </summary>
public sealed record RegionWorkflowArgs(
    WorkflowPlan Plan,
    string Region,
    string BusName,
    Output<string> BusArn,
    Output<string> UndeliveredEventsQueueArn,
    Output<string> UndeliveredEventsQueueUrl,
    AccessTargets Access,
    Network.RegionNetwork Network,
    int LogRetentionDays,
    ImmutableSortedDictionary<string, string> Tags);
