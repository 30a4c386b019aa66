using System.Collections.Immutable;
using Pulumi;
using SecureCart.Platform.Plan.Observability;

namespace SecureCart.Platform.Infra.Observability;

/// <summary>The alarms plan, the deployed identifier per "&lt;dimension&gt;:&lt;logical name&gt;" its dimensions use, and the alarm topic.</summary>
/// <param name="Region">The stack's Region: alarms planned elsewhere (CloudFront, Global Accelerator) get a provider and a topic there.</param>
/// <param name="AlarmEmail">Subscribed to the topics this component creates in other Regions, as the messaging component subscribes it to the stack's topic.</param>
/// <param name="PagerEndpoint">The pager's HTTPS integration URL (a secret), when the plan pages.</param>
public sealed record RegionObservabilityArgs(
    ObservabilityPlan Plan,
    ImmutableDictionary<string, Input<string>> DeployedIds,
    Output<string> AlarmTopicArn,
    ImmutableSortedDictionary<string, string> Tags,
    string Region = "",
    string AlarmEmail = "",
    Output<string>? PagerEndpoint = null);
