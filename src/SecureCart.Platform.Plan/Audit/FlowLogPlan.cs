namespace SecureCart.Platform.Plan.Audit;

/// <summary>VPC flow logs (accepted and rejected traffic) to a CloudWatch Logs group with a retention.</summary>
/// <param name="MaxAggregationIntervalSeconds">60 or 600: how long the VPC aggregates a flow before writing a record.</param>
public sealed record FlowLogPlan(string LogGroupName, int RetentionDays, string TrafficType, int MaxAggregationIntervalSeconds)
{
    public const string LogicalName = "vpc-flow-logs";

    /// <summary>The service the delivery role trusts.</summary>
    public const string DeliveryService = "vpc-flow-logs.amazonaws.com";
}
