namespace SecureCart.Platform.Plan.Tests.Messaging;

public sealed class EventDeliveryTests
{
    [Fact]
    public void EventTargets_RetryBoundedThenParkInTheUndeliveredQueue_WhichIsAlarmed()
    {
        var plan = PlanFixtures.Plan("prod-us");
        var delivery = plan.Messaging.EventDelivery;

        // EventBridge's defaults (24 h, 185 tries) are the upper bounds of each setting.
        Assert.InRange(delivery.MaximumEventAgeSeconds, 60, 86400);
        Assert.InRange(delivery.MaximumRetryAttempts, 0, 185);
        Assert.Equal("securecart-prod-us-undelivered-events", delivery.QueueName);
        Assert.DoesNotContain(plan.Messaging.Queues, q => q.LogicalName == delivery.QueueLogicalName);
        var alarm = Assert.Single(plan.Observability.Alarms, a => a.Dimensions.GetValueOrDefault("QueueName") == delivery.QueueLogicalName);
        Assert.Equal(0, alarm.Threshold);
    }
}
