namespace SecureCart.Platform.Plan.Compute;

/// <summary>
/// How a queue worker keeps up: it drains <paramref name="Queue"/> at about <paramref name="SecondsPerMessage"/> a
/// message and a message may wait <paramref name="AcceptableLatencySeconds"/>. AWS's SQS scaling guidance turns that
/// into the backlog one task may carry: acceptable latency divided by processing time
/// (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html).
/// </summary>
public sealed record WorkerBacklog(string Queue, double SecondsPerMessage, int AcceptableLatencySeconds)
{
    /// <summary>The messages per running task that target tracking holds.</summary>
    public double MessagesPerTask => Math.Max(1, Math.Floor(AcceptableLatencySeconds / SecondsPerMessage));
}
