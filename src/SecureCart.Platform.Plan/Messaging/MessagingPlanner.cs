using SecureCart.Platform.Plan.Naming;

namespace SecureCart.Platform.Plan.Messaging;

/// <summary>Plans the regional messaging: what checkout, fulfilment and notifications talk through.</summary>
public static class MessagingPlanner
{
    public const int FourDays = 4 * 24 * 3600;
    public const int FourteenDays = 14 * 24 * 3600;

    public static MessagingPlan Plan(ResourceNames names)
    {
        // Visibility is six times the consumer's processing budget, as SQS advises for Lambda/worker consumers.
        QueuePlan Queue(string logical, int visibility) => new(
            logical, names.Physical(logical), names.Physical($"{logical}-dlq"), visibility, FourDays, FourteenDays, 5, 20, true);
        return new MessagingPlan(
            [Queue("orders", 180), Queue("notifications", 60), Queue("inventory-events", 60)],
            names.Physical("events"),
            [
                new("order-placed", names.Physical("order-placed"), "securecart.orders", "order.placed", ["notifications", "order-events"]),
                new("order-failed", names.Physical("order-failed"), "securecart.orders", "order.failed", ["ops"]),
                new("inventory-low", names.Physical("inventory-low"), "securecart.inventory", "inventory.low", ["inventory-events", "ops"]),
            ],
            [new("order-events", names.Physical("order-events")), new("ops", names.Physical("ops")), new("alarms", names.Physical("alarms"))],
            // Two hours of retries outlast a target's usual outage; past that a person should look, and the queue keeps
            // the event for replay for as long as the dead-letter queues keep theirs.
            new EventDeliveryPlan("undelivered-events", names.Physical("undelivered-events"), FourteenDays, MaximumEventAgeSeconds: 2 * 3600, MaximumRetryAttempts: 50));
    }
}
