namespace SecureCart.Platform.Plan.Messaging;

/// <summary>
/// How EventBridge delivers to every rule target: retried for at most <paramref name="MaximumEventAgeSeconds"/> or
/// <paramref name="MaximumRetryAttempts"/> tries (EventBridge's own defaults are 24 h and 185), then sent to the
/// undelivered-events queue instead of being dropped
/// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html).
/// </summary>
/// <param name="QueueLogicalName">The queue that keeps undelivered events; the state machine parks events there too.</param>
public sealed record EventDeliveryPlan(string QueueLogicalName, string QueueName, int QueueRetentionSeconds, int MaximumEventAgeSeconds, int MaximumRetryAttempts);
