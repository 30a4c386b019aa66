namespace SecureCart.Platform.Plan.Messaging;

/// <summary>An SQS queue and its dead-letter queue; messages move there after MaxReceiveCount failures.</summary>
public sealed record QueuePlan(
    string LogicalName,
    string Name,
    string DeadLetterName,
    int VisibilityTimeoutSeconds,
    int MessageRetentionSeconds,
    int DeadLetterRetentionSeconds,
    int MaxReceiveCount,
    int ReceiveWaitTimeSeconds,
    bool ManagedEncryption);
