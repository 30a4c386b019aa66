using System.Collections.Immutable;
using SecureCart.Platform.Plan.Messaging;

namespace SecureCart.Platform.Infra.Messaging;

/// <summary>The messaging plan; <paramref name="AlarmEmail"/> (stack setting, may be empty) subscribes to the alarm topic.</summary>
public sealed record RegionMessagingArgs(MessagingPlan Plan, string AlarmTopic, string AlarmEmail, ImmutableSortedDictionary<string, string> Tags);
