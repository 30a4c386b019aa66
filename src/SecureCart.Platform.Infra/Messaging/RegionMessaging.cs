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

        var bus = new EventBus(MessagingPlan.BusLogicalName, new EventBusArgs { Name = plan.BusName, Tags = tags }, Children.Of(this));
        var sources = new Dictionary<string, List<Output<string>>>(StringComparer.Ordinal);
        foreach (EventRulePlan rule in plan.Rules)
        {
            var eventRule = new EventRule(rule.LogicalName, new EventRuleArgs
            {
                Name = rule.Name,
                EventBusName = bus.Name,
                EventPattern = rule.EventPattern,
                Tags = tags,
            }, Children.Of(this));
            foreach (string target in rule.Targets)
            {
                _ = new EventTarget($"{rule.LogicalName}-{target}", new EventTargetArgs
                {
                    Rule = eventRule.Name,
                    EventBusName = bus.Name,
                    Arn = queues.TryGetValue(target, out Queue? queue) ? queue.Arn : topics[target].Arn,
                }, Children.Of(this));
                if (!sources.TryGetValue(target, out List<Output<string>>? rules))
                {
                    sources[target] = rules = [];
                }

                rules.Add(eventRule.Arn);
            }
        }

        // One resource policy per target (a queue or topic has exactly one): EventBridge may deliver to it only
        // for the rules that name it.
        foreach ((string? target, List<Output<string>>? rules) in sources)
        {
            if (queues.TryGetValue(target, out Queue? queue))
            {
                _ = new QueuePolicy($"{target}-events-policy", new QueuePolicyArgs
                {
                    QueueUrl = queue.Url,
                    Policy = Policies.ServiceMayUse("events.amazonaws.com", "sqs:SendMessage", queue.Arn, Output.All(rules)),
                }, Children.Of(this));
            }
            else
            {
                _ = new TopicPolicy($"{target}-events-policy", new TopicPolicyArgs
                {
                    Arn = topics[target].Arn,
                    Policy = Policies.ServiceMayUse("events.amazonaws.com", "sns:Publish", topics[target].Arn, Output.All(rules)),
                }, Children.Of(this));
            }
        }

        BusName = bus.Name;
        BusArn = bus.Arn;
        QueueArns = queues.ToImmutableDictionary(q => q.Key, q => q.Value.Arn, StringComparer.Ordinal);
        QueueUrls = queues.ToImmutableDictionary(q => q.Key, q => q.Value.Url, StringComparer.Ordinal);
        TopicArns = topics.ToImmutableDictionary(t => t.Key, t => t.Value.Arn, StringComparer.Ordinal);
        RegisterOutputs(new Dictionary<string, object?> { ["busName"] = BusName });
    }

    public Output<string> BusName { get; }

    public Output<string> BusArn { get; }

    public ImmutableDictionary<string, Output<string>> QueueArns { get; }

    public ImmutableDictionary<string, Output<string>> QueueUrls { get; }

    public ImmutableDictionary<string, Output<string>> TopicArns { get; }
}
