using System.Collections.Immutable;
using Pulumi;
using SecureCart.Platform.Plan.Observability;

namespace SecureCart.Platform.Infra.Observability;

/// <summary>The alarms plan, the deployed identifier per "&lt;dimension&gt;:&lt;logical name&gt;" its dimensions use, and the alarm topic.</summary>
public sealed record RegionObservabilityArgs(
    ObservabilityPlan Plan,
    ImmutableDictionary<string, Input<string>> DeployedIds,
    Output<string> AlarmTopicArn,
    ImmutableSortedDictionary<string, string> Tags);
