using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Messaging;

/// <summary>Queues, the event bus with its rules, topics, and where undelivered events go.</summary>
public sealed record MessagingPlan(ImmutableArray<QueuePlan> Queues, string BusName, ImmutableArray<EventRulePlan> Rules, ImmutableArray<TopicPlan> Topics, EventDeliveryPlan EventDelivery)
{
    /// <summary>The bus's region-neutral name, which access grants and the program use.</summary>
    public const string BusLogicalName = "events";
}
