using System.Collections.Immutable;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Data;
using SecureCart.Platform.Plan.Edge;
using SecureCart.Platform.Plan.Ingress;
using SecureCart.Platform.Plan.Messaging;
using SecureCart.Platform.Plan.Naming;
using SecureCart.Platform.Plan.Workflow;

namespace SecureCart.Platform.Plan.Observability;

/// <summary>The alarms a regional on-call needs, with thresholds.</summary>
public static class ObservabilityPlanner
{
    /// <summary>The stack setting that holds the pager's HTTPS integration URL (a secret: the URL carries the integration key).</summary>
    public const string PagerEndpointKey = "pagerEndpoint";

    /// <param name="ingress">When given, the API gateway's alarms and the SLO alarms of the services behind the ALB.</param>
    /// <param name="workflow">When given, each function's errors and throttles.</param>
    /// <param name="edge">The home stack's edge: CloudFront's and its web ACL's alarms (us-east-1).</param>
    /// <param name="allStacks">Every stack: global tables replicate to their Regions.</param>
    public static ObservabilityPlan Plan(StackSettings stack, ResourceNames names, ComputePlan compute, DataPlan data, MessagingPlan messaging,
        IngressPlan? ingress = null, WorkflowPlan? workflow = null, EdgePlan? edge = null, IReadOnlyList<StackSettings>? allStacks = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(compute);
        var production = stack.Profile == SizeProfile.Production;
        var alarms = ImmutableArray.CreateBuilder<AlarmPlan>();
        AlarmPlan Alarm(string logical, string ns, string metric, (string Key, string Value)[] dims, string stat, int period, int periods, double threshold, string description, string comparison = "GreaterThanThreshold", string missing = "notBreaching") =>
            new(logical, names.Physical($"alarm-{logical}"), ns, metric, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, dims.Select(d => KeyValuePair.Create(d.Key, d.Value))), stat, period, periods, threshold, comparison, missing, description);

        // Errors page through each service's SLO burn rate (below), not a raw 5xx count that scales with traffic.
        alarms.Add(Alarm("alb-latency-p99", "AWS/ApplicationELB", "TargetResponseTime", [("LoadBalancer", "alb")], "p99", 60, 5, 1.5, "p99 response time above 1.5 s: checkout conversion drops."));
        foreach (var service in compute.Services)
        {
            alarms.Add(Alarm($"ecs-cpu-{service.LogicalName}", "AWS/ECS", "CPUUtilization", [("ClusterName", "cluster"), ("ServiceName", service.LogicalName)], "Average", 60, 10, 85, $"{service.LogicalName} runs hot even after scaling: check the max task count."));
        }

        // Storage autoscaling grows the disk at 10 % free; below 5 % it has failed or reached its maximum.
        alarms.Add(Alarm("rds-free-storage", "AWS/RDS", "FreeStorageSpace", [("DBInstanceIdentifier", "postgres")], "Minimum", 300, 1, data.Rds.AllocatedStorageGb * 0.05 * 1024 * 1024 * 1024, "PostgreSQL has under 5 % of its storage free: autoscaling has hit its maximum; raise rdsStorageGb.", comparison: "LessThanThreshold"));
        alarms.Add(Alarm("rds-cpu", "AWS/RDS", "CPUUtilization", [("DBInstanceIdentifier", "postgres")], "Average", 60, 10, 80, "The primary is CPU-bound: reads should move to replicas."));
        // In-Region replicas serve order history and stock levels: past 30 s a customer misses an order just placed.
        foreach (var replica in data.Rds.Replicas)
        {
            alarms.Add(Alarm($"rds-replica-lag-{replica.LogicalName}", "AWS/RDS", "ReplicaLag", [("DBInstanceIdentifier", replica.LogicalName)], "Maximum", 60, 5, 30, "Replica more than 30 s behind: readers see stale orders."));
        }

        // The standby's lag is the RPO of a lost region: page as soon as it breaks the published objective.
        if (data.Standby is { } standby)
        {
            alarms.Add(Alarm($"rds-replica-lag-{RdsStandbyPlan.StandbyLogicalName}", "AWS/RDS", "ReplicaLag", [("DBInstanceIdentifier", RdsStandbyPlan.StandbyLogicalName)], "Maximum", 60, 3, RdsStandbyPlan.RpoSeconds,
                $"The standby of {standby.SourceStack} is more than {RdsStandbyPlan.RpoSeconds} s behind: losing {standby.SourceRegion} now would lose more orders than the published RPO; check the replication and the source's write load."));
        }

        foreach (var table in data.Tables)
        {
            alarms.Add(Alarm($"dynamodb-throttles-{table.LogicalName}", "AWS/DynamoDB", "WriteThrottleEvents", [("TableName", table.LogicalName)], "Sum", 60, 3, 10, $"Writes to {table.LogicalName} are throttled."));
        }

        foreach (var queue in messaging.Queues)
        {
            alarms.Add(Alarm($"sqs-age-{queue.LogicalName}", "AWS/SQS", "ApproximateAgeOfOldestMessage", [("QueueName", queue.LogicalName)], "Maximum", 60, 5, queue.LogicalName == "orders" ? 300 : 900, $"{queue.LogicalName} is not drained: consumers are down or too few."));
            alarms.Add(Alarm($"dlq-depth-{queue.LogicalName}", "AWS/SQS", "ApproximateNumberOfMessagesVisible", [("QueueName", $"{queue.LogicalName}-dlq")], "Maximum", 60, 1, 0, $"Messages failed {queue.MaxReceiveCount} times and landed in the {queue.LogicalName} DLQ."));
        }

        var undelivered = messaging.EventDelivery.QueueLogicalName;
        alarms.Add(Alarm($"queue-depth-{undelivered}", "AWS/SQS", "ApproximateNumberOfMessagesVisible", [("QueueName", undelivered)], "Maximum", 60, 1, 0, "Events could not be delivered (a rule target refused them, or the bus refused the state machine): replay them from the queue."));
        alarms.Add(Alarm($"sfn-failed-{WorkflowPlan.LogicalName}", "AWS/States", "ExecutionsFailed", [("StateMachineArn", WorkflowPlan.LogicalName)], "Sum", 60, 1, 0, "An order execution failed after its compensation: look at the order.failed event; redrive the execution if a step outside the saga failed."));
        // ElastiCache publishes engine metrics per node (CacheClusterId), not per replication group: one alarm per node.
        foreach (var (logical, _) in data.Redis.Nodes)
        {
            alarms.Add(Alarm($"redis-cpu-{logical["redis-".Length..]}", "AWS/ElastiCache", "EngineCPUUtilization", [("CacheClusterId", logical)], "Average", 60, 10, 75, "Redis engine thread busy: add shards."));
            // Past 80 % the node starts evicting (sessions, carts in flight) well before it runs out.
            alarms.Add(Alarm($"redis-memory-{logical["redis-".Length..]}", "AWS/ElastiCache", "DatabaseMemoryUsagePercentage", [("CacheClusterId", logical)], "Maximum", 60, 5, 80, "Redis memory above 80 %: keys will be evicted; add shards or a larger node type."));
        }
        AlarmPlan Coverage(string logical, string ns, string metric, (string Key, string Value)[] dims, string stat, int period, int periods, double threshold, string description) =>
            Alarm(logical, ns, metric, dims, stat, period, periods, threshold, description);
        if (workflow is not null)
        {
            alarms.AddRange(CoverageAlarms.Functions(Coverage, workflow));
        }

        var loadBalancer = ingress?.LoadBalancer.LogicalName ?? "alb";
        if (ingress is not null)
        {
            alarms.AddRange(CoverageAlarms.Gateway(Coverage, ingress.Api));
        }

        alarms.AddRange(CoverageAlarms.Edge(Coverage, edge, stack.Region));
        alarms.Add(CoverageAlarms.Accelerator(Coverage, stack.Region));
        var (windows, composites) = SloAlarms.Plan(names, compute, loadBalancer);
        // Every request is head-sampled: with Transaction Search its spans are kept whatever its outcome, so the trace of a
        // failed request is there to read; previews trace everything too (they send no spans to CloudWatch Logs).
        const double samplingRate = 1.0;
        return new ObservabilityPlan(
            alarms.ToImmutable(),
            "alarms",
            names.Physical("dashboard"),
            XRayTracing: true,
            XRaySamplingRate: samplingRate,
            LogRetentionDays: production ? 30 : 3)
        {
            MathAlarms = [.. windows, .. CoverageAlarms.Replication(names, data, stack.Region, allStacks ?? [stack])],
            CompositeAlarms = composites,
            SamplingRules = SamplingRules(names, samplingRate),
            TransactionSearch = production ? TransactionSearch(names) : null,
            // A stack that holds the pager's URL pages a person with every alarm; the shipped production stacks do.
            Paging = new PagingPlan(stack.SecretKeys.Contains(PagerEndpointKey, StringComparer.Ordinal) ? PagerEndpointKey : null),
        };
    }

    /// <summary>
    /// X-Ray samples at the start of a request, before it knows the outcome, and adaptive sampling (a rate boost on
    /// errors) is not in the provider version the program builds against. Transaction Search keeps error traces
    /// instead: every sampled span lands in CloudWatch Logs (aws/spans), where a failed request's spans are found by
    /// their error or fault attribute; 1 % is indexed as trace summaries, the share AWS indexes for free.
    /// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Transaction-Search.html
    /// </summary>
    public static TransactionSearchPlan TransactionSearch(ResourceNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new TransactionSearchPlan(
            TransactionSearchPlan.FreeIndexedPercent,
            names.Physical("xray-spans"),
            "X-Ray decides before a request ends, so only head-sampling every request keeps every error trace; Transaction Search stores those spans as CloudWatch Logs (priced per GB) instead of X-Ray traces, and indexes 1 % for free");
    }

    /// <summary>
    /// Every checkout is traced (reservoir 10/s, then all): a failed payment is the trace on-call needs. The rest is
    /// sampled at the baseline rate; X-Ray's own default rule (1/s + 5 %) stays behind both. The checkout rule stays
    /// first so that lowering the baseline never drops a payment's trace.
    /// </summary>
    public static ImmutableArray<SamplingRulePlan> SamplingRules(ResourceNames names, double baselineRate)
    {
        ArgumentNullException.ThrowIfNull(names);
        return
        [
            new("xray-checkout", names.Physical("checkout", SamplingRuleNameLimit), 100, "/api/checkout/*", "*", 10, 1.0),
            new("xray-baseline", names.Physical("baseline", SamplingRuleNameLimit), 9000, "*", "*", 1, baselineRate),
        ];
    }

    /// <summary>X-Ray sampling rule names have at most 32 characters.</summary>
    public const int SamplingRuleNameLimit = 32;
}
