using System.Text.Json;

namespace SecureCart.Platform.Infra.Tests.Messaging;

public sealed class EventDeliveryTests
{
    [Fact]
    public async Task EveryEventTarget_HasTheRetryPolicyAndTheUndeliveredQueueAsDeadLetter()
    {
        var delivery = Plans.For("prod-us").Messaging.EventDelivery;

        var run = await StackRun.RunAsync("prod-us");

        var queue = run.Single("aws:sqs/queue:Queue", delivery.QueueLogicalName);
        Assert.Equal(delivery.QueueName, queue.Inputs["name"]);
        var targets = run.OfType("aws:cloudwatch/eventTarget:EventTarget").ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, t =>
        {
            var deadLetter = (IDictionary<string, object>)t.Inputs["deadLetterConfig"];
            Assert.Equal($"arn:aws:mock:::aws:sqs/queue:Queue/{delivery.QueueLogicalName}", deadLetter["arn"]);
            var retry = (IDictionary<string, object>)t.Inputs["retryPolicy"];
            Assert.Equal((double)delivery.MaximumRetryAttempts, Convert.ToDouble(retry["maximumRetryAttempts"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal((double)delivery.MaximumEventAgeSeconds, Convert.ToDouble(retry["maximumEventAgeInSeconds"], System.Globalization.CultureInfo.InvariantCulture));
        });
        var policy = run.Single("aws:sqs/queuePolicy:QueuePolicy", $"{delivery.QueueLogicalName}-events-policy");
        Assert.Contains("events.amazonaws.com", (string)policy.Inputs["policy"]);
    }

    [Fact]
    public async Task StateMachine_ParksRefusedEventsInTheUndeliveredQueue_AndMaySendThere()
    {
        var delivery = Plans.For("prod-us").Messaging.EventDelivery;

        var run = await StackRun.RunAsync("prod-us");

        using var definition = JsonDocument.Parse((string)run.Single("aws:sfn/stateMachine:StateMachine", "order-fulfilment").Inputs["definition"]);
        var park = definition.RootElement.GetProperty("States").GetProperty("ParkOrderPlaced");
        Assert.Equal($"https://sqs.mock/{delivery.QueueName}", park.GetProperty("Parameters").GetProperty("QueueUrl").GetString());
        using var permissions = JsonDocument.Parse((string)run.Single("aws:iam/rolePolicy:RolePolicy", "order-fulfilment-permissions").Inputs["policy"]);
        Assert.Contains(permissions.RootElement.GetProperty("Statement").EnumerateArray(), s =>
            s.GetProperty("Action").ToString().Contains("sqs:SendMessage", StringComparison.Ordinal)
            && s.GetProperty("Resource").ToString().Contains($"queue:Queue/{delivery.QueueLogicalName}", StringComparison.Ordinal));
    }
}
