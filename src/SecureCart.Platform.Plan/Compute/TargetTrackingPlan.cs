namespace SecureCart.Platform.Plan.Compute;

/// <summary>A target-tracking policy on a predefined ECS metric, or on a queue's backlog per running task.</summary>
/// <param name="PredefinedMetric">ECSServiceAverageCPUUtilization, ALBRequestCountPerTarget, or <see cref="BacklogPerTask"/>.</param>
/// <param name="BacklogQueue">For <see cref="BacklogPerTask"/>: the logical name of the queue whose visible messages are divided by the running tasks.</param>
/// <param name="BacklogQueueName">That queue's name, the QueueName dimension of its metric.</param>
public sealed record TargetTrackingPlan(string Name, string PredefinedMetric, double TargetValue, int ScaleOutCooldownSeconds, int ScaleInCooldownSeconds, string? BacklogQueue = null, string? BacklogQueueName = null)
{
    /// <summary>
    /// Not one of Application Auto Scaling's predefined metrics: a metric-math expression, SQS
    /// ApproximateNumberOfMessagesVisible over Container Insights' RunningTaskCount of the service.
    /// </summary>
    public const string BacklogPerTask = "SQSBacklogPerTask";
}
