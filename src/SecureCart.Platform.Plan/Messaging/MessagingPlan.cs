using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Messaging;

/// <summary>Queues, the event bus with its rules, and topics.</summary>
public sealed record MessagingPlan(ImmutableArray<QueuePlan> Queues, string BusName, ImmutableArray<EventRulePlan> Rules, ImmutableArray<TopicPlan> Topics);
