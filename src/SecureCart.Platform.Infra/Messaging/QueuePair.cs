using System.Text.Json;
using Pulumi;
using Pulumi.Aws.Sqs;
using SecureCart.Platform.Plan.Messaging;

namespace SecureCart.Platform.Infra.Messaging;

/// <summary>A planned queue and its dead-letter queue, as every stack and preview creates them.</summary>
internal static class QueuePair
{
    /// <summary>Creates both; messages move to the dead-letter queue after the plan's MaxReceiveCount failures.</summary>
    public static Queue Create(QueuePlan q, InputMap<string> tags, Resource parent)
    {
        var dlq = new Queue($"{q.LogicalName}-dlq", new QueueArgs
        {
            Name = q.DeadLetterName,
            MessageRetentionSeconds = q.DeadLetterRetentionSeconds,
            SqsManagedSseEnabled = q.ManagedEncryption,
            Tags = tags,
        }, Children.Of(parent));
        return new Queue(q.LogicalName, new QueueArgs
        {
            Name = q.Name,
            VisibilityTimeoutSeconds = q.VisibilityTimeoutSeconds,
            MessageRetentionSeconds = q.MessageRetentionSeconds,
            ReceiveWaitTimeSeconds = q.ReceiveWaitTimeSeconds,
            SqsManagedSseEnabled = q.ManagedEncryption,
            RedrivePolicy = dlq.Arn.Apply(arn => JsonSerializer.Serialize(new { deadLetterTargetArn = arn, maxReceiveCount = q.MaxReceiveCount })),
            Tags = tags,
        }, Children.Of(parent));
    }
}
