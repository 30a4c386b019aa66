using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Sns;
using Pulumi.Aws.Sqs;
using SecureCart.Platform.Plan.Messaging;

namespace SecureCart.Platform.Infra.Messaging;

/// <summary>Queues with their dead-letter queues, the shop's event bus with rules and targets, and the SNS topics.</summary>
public sealed class RegionMessaging : ComponentResource
{
    public RegionMessaging(string name, RegionMessagingArgs args, ComponentResourceOptions? options = null)
        : base("securecart:platform:Messaging", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        MessagingPlan plan = args.Plan;
        InputMap<string> tags = Children.Tags(args.Tags, "messaging");

        var queues = new Dictionary<string, Queue>(StringComparer.Ordinal);
        foreach (QueuePlan q in plan.Queues)
        {
            queues[q.LogicalName] = QueuePair.Create(q, tags, this);
        }

        var topics = new Dictionary<string, Topic>(StringComparer.Ordinal);
        foreach (TopicPlan t in plan.Topics)
        {
            topics[t.LogicalName] = new Topic(t.LogicalName, new TopicArgs { Name = t.Name, Tags = tags }, Children.Of(this));
        }

        if (args.AlarmEmail.Length > 0)
        {
            _ = new TopicSubscription($"{args.AlarmTopic}-email", new TopicSubscriptionArgs
            {
                Topic = topics[args.AlarmTopic].Arn,
                Protocol = "email",
                Endpoint = args.AlarmEmail,
            }, Children.Of(this));
        }

        EventDeliveryPlan delivery = plan.EventDelivery;
        var undelivered = new Queue(delivery.QueueLogicalName, new QueueArgs
        {
            Name = delivery.QueueName,
            MessageRetentionSeconds = delivery.QueueRetentionSeconds,
            SqsManagedSseEnabled = true,
            Tags = tags,
        }, Children.Of(this));

        var bus = new EventBus(MessagingPlan.BusLogicalName, new EventBusArgs { Name = plan.BusName, Tags = tags }, Children.Of(this));
        var sources = new Dictionary<string, List<Output<string>>>(StringComparer.Ordinal);
        var rules = new Dictionary<string, EventRule>(StringComparer.Ordinal);
        foreach (EventRulePlan rule in plan.Rules)
        {
            var eventRule = new EventRule(rule.LogicalName, new EventRuleArgs
            {
                Name = rule.Name,
                EventBusName = bus.Name,
                EventPattern = rule.EventPattern,
                Tags = tags,
            }, Children.Of(this));
            rules[rule.LogicalName] = eventRule;
            foreach (string target in rule.Targets)
            {
                _ = new EventTarget($"{rule.LogicalName}-{target}", new EventTargetArgs
                {
                    Rule = eventRule.Name,
                    EventBusName = bus.Name,
                    Arn = queues.TryGetValue(target, out Queue? queue) ? queue.Arn : topics[target].Arn,
                    RetryPolicy = new Pulumi.Aws.CloudWatch.Inputs.EventTargetRetryPolicyArgs
                    {
                        MaximumEventAgeInSeconds = delivery.MaximumEventAgeSeconds,
                        MaximumRetryAttempts = delivery.MaximumRetryAttempts,
                    },
                    DeadLetterConfig = new Pulumi.Aws.CloudWatch.Inputs.EventTargetDeadLetterConfigArgs { Arn = undelivered.Arn },
                }, Children.Of(this));
                if (!sources.TryGetValue(target, out List<Output<string>>? ruleArns))
                {
                    sources[target] = ruleArns = [];
                }

                ruleArns.Add(eventRule.Arn);
            }
        }

        // One resource policy per target (a queue or topic has exactly one): EventBridge may deliver to it only
        // for the rules that name it.
        foreach ((string? target, List<Output<string>>? targetRules) in sources)
        {
            if (queues.TryGetValue(target, out Queue? queue))
            {
                _ = new QueuePolicy($"{target}-events-policy", new QueuePolicyArgs
                {
                    QueueUrl = queue.Url,
                    Policy = Policies.ServiceMayUse("events.amazonaws.com", "sqs:SendMessage", queue.Arn, Output.All(targetRules)),
                }, Children.Of(this));
            }
            else
            {
                _ = new TopicPolicy($"{target}-events-policy", new TopicPolicyArgs
                {
                    Arn = topics[target].Arn,
                    Policy = Policies.ServiceMayUse("events.amazonaws.com", "sns:Publish", topics[target].Arn, Output.All(targetRules)),
                }, Children.Of(this));
            }
        }

        // EventBridge may park events of every rule in the undelivered-events queue; the state machine's role sends
        // there with its own grant.
        _ = new QueuePolicy($"{delivery.QueueLogicalName}-events-policy", new QueuePolicyArgs
        {
            QueueUrl = undelivered.Url,
            Policy = Policies.ServiceMayUse("events.amazonaws.com", "sqs:SendMessage", undelivered.Arn, Output.All(plan.Rules.Select(r => rules[r.LogicalName].Arn))),
        }, Children.Of(this));

        BusName = bus.Name;
        UndeliveredEventsQueueArn = undelivered.Arn;
        UndeliveredEventsQueueUrl = undelivered.Url;
        BusArn = bus.Arn;
        QueueArns = queues.ToImmutableDictionary(q => q.Key, q => q.Value.Arn, StringComparer.Ordinal);
        QueueUrls = queues.ToImmutableDictionary(q => q.Key, q => q.Value.Url, StringComparer.Ordinal);
        TopicArns = topics.ToImmutableDictionary(t => t.Key, t => t.Value.Arn, StringComparer.Ordinal);
        RegisterOutputs(new Dictionary<string, object?> { ["busName"] = BusName });
    }

    public Output<string> BusName { get; }

    public Output<string> BusArn { get; }

    public Output<string> UndeliveredEventsQueueArn { get; }

    public Output<string> UndeliveredEventsQueueUrl { get; }

    public ImmutableDictionary<string, Output<string>> QueueArns { get; }

    public ImmutableDictionary<string, Output<string>> QueueUrls { get; }

    public ImmutableDictionary<string, Output<string>> TopicArns { get; }
}
