using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Sns;
using Pulumi.Aws.Xray;
using SecureCart.Platform.Plan.Constraints;
using SecureCart.Platform.Plan.Observability;

namespace SecureCart.Platform.Infra.Observability;

/// <summary>
/// The plan's CloudWatch alarms (plain, metric math and composite), the paging subscription, the X-Ray sampling rules,
/// Transaction Search (spans to CloudWatch Logs) and a dashboard. Alarms on metrics published in another Region are created there, notifying a topic of that Region.
/// </summary>
public sealed class RegionObservability : ComponentResource
{
    public RegionObservability(string name, RegionObservabilityArgs args, ComponentResourceOptions? options = null)
        : base("securecart:platform:Observability", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        ObservabilityPlan plan = args.Plan;
        InputMap<string> tags = Children.Tags(args.Tags, "observability");
        if (plan.Paging.Enabled)
        {
            Subscribe("alarms-pager", args.AlarmTopicArn, args, null);
        }

        var remote = new Dictionary<string, (ProviderResource Provider, Output<string> Topic)>(StringComparer.Ordinal);
        foreach (string region in plan.RemoteAlarmRegions)
        {
            var provider = new Pulumi.Aws.Provider($"alarms-provider-{region}", new Pulumi.Aws.ProviderArgs { Region = region }, Children.Of(this));
            var topic = new Topic($"alarms-{region}", new TopicArgs { Tags = tags }, new CustomResourceOptions { Parent = this, Provider = provider });
            if (args.AlarmEmail.Length > 0)
            {
                _ = new TopicSubscription($"alarms-{region}-email", new TopicSubscriptionArgs { Topic = topic.Arn, Protocol = "email", Endpoint = args.AlarmEmail },
                    new CustomResourceOptions { Parent = this, Provider = provider });
            }

            if (plan.Paging.Enabled)
            {
                Subscribe($"alarms-{region}-pager", topic.Arn, args, provider);
            }

            remote[region] = (provider, topic.Arn);
        }

        var arns = new List<Output<string>>();
        var local = new List<Resource>();
        foreach (AlarmPlan alarm in plan.Alarms)
        {
            (ProviderResource? provider, Output<string> topic) = alarm.Region is { } r ? (remote[r].Provider, remote[r].Topic) : (null, args.AlarmTopicArn);
            var resource = new MetricAlarm(alarm.LogicalName, new MetricAlarmArgs
            {
                Name = alarm.Name,
                AlarmDescription = alarm.Description,
                Namespace = alarm.Namespace,
                MetricName = alarm.MetricName,
                Dimensions = Dimensions(alarm.LogicalName, alarm.Dimensions, args.DeployedIds),
                Statistic = Children.Maybe(alarm.IsPercentile ? null : alarm.Statistic),
                ExtendedStatistic = Children.Maybe(alarm.IsPercentile ? alarm.Statistic : null),
                Period = alarm.PeriodSeconds,
                EvaluationPeriods = alarm.EvaluationPeriods,
                Threshold = alarm.Threshold,
                ComparisonOperator = alarm.ComparisonOperator,
                TreatMissingData = alarm.TreatMissingData,
                AlarmActions = { topic },
                OkActions = { topic },
                Tags = tags,
            }, new CustomResourceOptions { Parent = this, Provider = provider });
            arns.Add(resource.Arn);
            if (alarm.Region is null)
            {
                local.Add(resource);
            }
        }

        foreach (MathAlarmPlan alarm in plan.MathAlarms)
        {
            var queries = new InputList<Pulumi.Aws.CloudWatch.Inputs.MetricAlarmMetricQueryArgs>();
            foreach (MetricQueryPlan q in alarm.Queries)
            {
                var query = new Pulumi.Aws.CloudWatch.Inputs.MetricAlarmMetricQueryArgs { Id = q.Id, Expression = Children.Maybe(q.Expression), ReturnData = q.ReturnData };
                if (q.IsMetric)
                {
                    query.Metric = new Pulumi.Aws.CloudWatch.Inputs.MetricAlarmMetricQueryMetricArgs
                    {
                        Namespace = q.Namespace!,
                        MetricName = q.MetricName!,
                        Dimensions = Dimensions(alarm.LogicalName, q.Dimensions!, args.DeployedIds),
                        Stat = q.Statistic!,
                        Period = alarm.PeriodSeconds,
                    };
                }

                queries.Add(query);
            }

            var resource = new MetricAlarm(alarm.LogicalName, new MetricAlarmArgs
            {
                Name = alarm.Name,
                AlarmDescription = alarm.Description,
                MetricQueries = queries,
                EvaluationPeriods = alarm.EvaluationPeriods,
                Threshold = alarm.Threshold,
                ComparisonOperator = alarm.ComparisonOperator,
                TreatMissingData = alarm.TreatMissingData,
                // The burn-rate windows page only through their composite: one page per incident, not four.
                AlarmActions = alarm.Notifies ? new InputList<string> { args.AlarmTopicArn } : new InputList<string>(),
                OkActions = alarm.Notifies ? new InputList<string> { args.AlarmTopicArn } : new InputList<string>(),
                Tags = tags,
            }, Children.Of(this));
            arns.Add(resource.Arn);
            local.Add(resource);
        }

        ImmutableDictionary<string, string> physical = plan.Alarms.Select(a => (a.LogicalName, a.Name)).Concat(plan.MathAlarms.Select(a => (a.LogicalName, a.Name)))
            .ToImmutableDictionary(p => p.LogicalName, p => p.Name, StringComparer.Ordinal);
        foreach (CompositeAlarmPlan composite in plan.CompositeAlarms)
        {
            string rule = composite.Children().Distinct(StringComparer.Ordinal)
                .Aggregate(composite.Rule, (text, child) => text.Replace($"ALARM({child})", $"ALARM(\"{physical[child]}\")", StringComparison.Ordinal));
            var resource = new CompositeAlarm(composite.LogicalName, new CompositeAlarmArgs
            {
                AlarmName = composite.Name,
                AlarmDescription = composite.Description,
                AlarmRule = rule,
                AlarmActions = { args.AlarmTopicArn },
                OkActions = { args.AlarmTopicArn },
                Tags = tags,
            }, new CustomResourceOptions { Parent = this, DependsOn = local.ToArray() }); // the rule names alarms that must exist first
            arns.Add(resource.Arn);
        }

        foreach (SamplingRulePlan rule in plan.SamplingRules)
        {
            _ = new SamplingRule(rule.LogicalName, new SamplingRuleArgs
            {
                RuleName = rule.Name,
                Priority = rule.Priority,
                ReservoirSize = rule.ReservoirSize,
                FixedRate = rule.FixedRate,
                UrlPath = rule.UrlPath,
                HttpMethod = rule.HttpMethod,
                Host = "*",
                ServiceName = "*",
                ServiceType = "*",
                ResourceArn = "*",
                Version = 1,
                Tags = tags,
            }, Children.Of(this));
        }

        if (plan.TransactionSearch is { } search)
        {
            TransactionSearch.Create(this, search, args.Region);
        }

        Output<string> body = Output.All(arns).Apply(all => new JsonObject
        {
            ["widgets"] = new JsonArray(new JsonObject
            {
                ["type"] = "alarm",
                ["x"] = 0,
                ["y"] = 0,
                ["width"] = 24,
                ["height"] = Math.Max(6, all.Length / 2),
                ["properties"] = new JsonObject
                {
                    ["title"] = "SecureCart alarms",
                    ["alarms"] = new JsonArray([.. all.Select(a => (JsonNode)JsonValue.Create(a))]),
                },
            }),
        }.ToJsonString());
        var dashboard = new Dashboard("dashboard", new DashboardArgs { DashboardName = plan.DashboardName, DashboardBody = body }, Children.Of(this));
        DashboardName = dashboard.DashboardName;
        RegisterOutputs(new Dictionary<string, object?> { ["dashboardName"] = DashboardName });
    }

    public Output<string> DashboardName { get; }

    // Literal dimensions (a Region, a stage, Rule=ALL) pass as they are; the others name plan resources.
    private static InputMap<string> Dimensions(string alarm, ImmutableSortedDictionary<string, string> planned, ImmutableDictionary<string, Input<string>> deployed)
    {
        var dimensions = new InputMap<string>();
        foreach ((string key, string logical) in planned)
        {
            dimensions.Add(key, MetricDimensions.Literal.Contains(key)
                ? logical
                : deployed.TryGetValue($"{key}:{logical}", out Input<string>? id)
                    ? id
                    : throw new InvalidOperationException($"Alarm {alarm} names '{logical}', which the stack did not deploy."));
        }

        return dimensions;
    }

    private void Subscribe(string logical, Output<string> topic, RegionObservabilityArgs args, ProviderResource? provider) =>
        _ = new TopicSubscription(logical, new TopicSubscriptionArgs
        {
            Topic = topic,
            Protocol = PagingPlan.Protocol,
            Endpoint = args.PagerEndpoint ?? throw new InvalidOperationException("The plan pages, but the stack passed no pager endpoint."),
            // PagerDuty's and Opsgenie's SNS integrations confirm the subscription themselves.
            EndpointAutoConfirms = true,
        }, new CustomResourceOptions { Parent = this, Provider = provider });
}
