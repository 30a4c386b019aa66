using System.Collections.Frozen;

namespace SecureCart.Platform.Plan.Constraints;

/// <summary>
/// Data: the dimension sets each namespace publishes the metrics the plan alarms on. An alarm whose dimensions match
/// none of them watches a metric that does not exist, and never fires.
/// </summary>
public static class MetricDimensions
{
    /// <summary>Namespace and metric to the dimension sets it is published under (each set sorted by name).</summary>
    public static FrozenDictionary<string, string[][]> Published { get; } = new Dictionary<string, string[][]>(StringComparer.Ordinal)
    {
        // docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
        ["AWS/ApplicationELB HTTPCode_Target_5XX_Count"] = [["LoadBalancer"], ["LoadBalancer", "TargetGroup"]],
        ["AWS/ApplicationELB TargetResponseTime"] = [["LoadBalancer"], ["LoadBalancer", "TargetGroup"]],
        // docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html
        ["AWS/ECS CPUUtilization"] = [["ClusterName"], ["ClusterName", "ServiceName"]],
        // docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html
        ["AWS/RDS CPUUtilization"] = [["DBInstanceIdentifier"]],
        ["AWS/RDS ReplicaLag"] = [["DBInstanceIdentifier"]],
        ["AWS/RDS FreeStorageSpace"] = [["DBInstanceIdentifier"]],
        // docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html
        ["AWS/DynamoDB WriteThrottleEvents"] = [["TableName"], ["GlobalSecondaryIndexName", "TableName"]],
        // docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html
        ["AWS/SQS ApproximateAgeOfOldestMessage"] = [["QueueName"]],
        ["AWS/SQS ApproximateNumberOfMessagesVisible"] = [["QueueName"]],
        // docs.aws.amazon.com/step-functions/latest/dg/procedure-cw-metrics.html: execution metrics by StateMachineArn.
        ["AWS/States ExecutionsFailed"] = [["StateMachineArn"]],
        // docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.html: per node, never per replication group.
        ["AWS/ElastiCache EngineCPUUtilization"] = [["CacheClusterId"], ["CacheClusterId", "CacheNodeId"]],
        // Same page: DatabaseMemoryUsagePercentage is an engine metric, per node.
        ["AWS/ElastiCache DatabaseMemoryUsagePercentage"] = [["CacheClusterId"], ["CacheClusterId", "CacheNodeId"]],
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
