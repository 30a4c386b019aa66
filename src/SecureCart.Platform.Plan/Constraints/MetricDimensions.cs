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
        // docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html: the SLO's denominator.
        ["AWS/ApplicationELB RequestCount"] = [["LoadBalancer"], ["LoadBalancer", "TargetGroup"], ["AvailabilityZone", "LoadBalancer"], ["AvailabilityZone", "LoadBalancer", "TargetGroup"]],
        // docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html (dimensions: FunctionName; Resource; ExecutedVersion).
        ["AWS/Lambda Errors"] = [["FunctionName"], ["FunctionName", "Resource"], ["ExecutedVersion", "FunctionName", "Resource"]],
        ["AWS/Lambda Throttles"] = [["FunctionName"], ["FunctionName", "Resource"]],
        // docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html: REST APIs publish by ApiName (and Stage).
        ["AWS/ApiGateway 5XXError"] = [["ApiName"], ["ApiName", "Stage"], ["ApiName", "Method", "Resource", "Stage"]],
        ["AWS/ApiGateway Latency"] = [["ApiName"], ["ApiName", "Stage"], ["ApiName", "Method", "Resource", "Stage"]],
        // docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/programming-cloudwatch-metrics.html: DistributionId and Region=Global, in us-east-1.
        ["AWS/CloudFront 5xxErrorRate"] = [["DistributionId", "Region"]],
        // docs.aws.amazon.com/waf/latest/developerguide/waf-metrics.html: Region is absent for CloudFront distributions; Rule ALL totals the web ACL.
        ["AWS/WAFV2 BlockedRequests"] = [["Rule", "WebACL"], ["Region", "Rule", "WebACL"], ["Rule", "RuleGroup", "WebACL"], ["Region", "Rule", "RuleGroup", "WebACL"]],
        // docs.aws.amazon.com/global-accelerator/latest/dg/cloudwatch-monitoring.html: published in us-west-2.
        ["AWS/GlobalAccelerator NewFlowCount"] = [["Accelerator"], ["Accelerator", "Listener"], ["Accelerator", "EndpointGroup", "Listener"]],
        // docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html: per receiving Region.
        ["AWS/DynamoDB ReplicationLatency"] = [["ReceivingRegion", "TableName"]],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Namespaces whose metrics exist in one Region only, whatever Region the resource serves: an alarm on them must be
    /// created there (an alarm reads the metrics of its own Region).
    /// </summary>
    public static FrozenDictionary<string, string> PublishedOnlyIn { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/monitoring-using-cloudwatch.html
        ["AWS/CloudFront"] = "us-east-1",
        // docs.aws.amazon.com/global-accelerator/latest/dg/cloudwatch-monitoring.html
        ["AWS/GlobalAccelerator"] = "us-west-2",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Dimensions whose values are AWS literals (a Region, a stage, "ALL"), not plan resources the program deploys.</summary>
    public static FrozenSet<string> Literal { get; } = new[] { "Region", "ReceivingRegion", "EndpointGroup", "Rule", "Stage" }.ToFrozenSet(StringComparer.Ordinal);
}
