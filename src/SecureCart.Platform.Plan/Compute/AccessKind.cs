namespace SecureCart.Platform.Plan.Compute;

/// <summary>What a service's task role may do with a plan resource; the program turns each into IAM actions.</summary>
public enum AccessKind
{
    /// <summary>DynamoDB: GetItem, Query, BatchGetItem; kms:Decrypt on the table's customer-managed key.</summary>
    TableRead,

    /// <summary>DynamoDB: read plus PutItem, UpdateItem, DeleteItem, BatchWriteItem; kms:Decrypt and kms:GenerateDataKey on the table's key.</summary>
    TableReadWrite,

    /// <summary>SQS: SendMessage.</summary>
    QueueSend,

    /// <summary>SQS: ReceiveMessage, DeleteMessage, ChangeMessageVisibility, GetQueueAttributes.</summary>
    QueueConsume,

    /// <summary>SNS: Publish.</summary>
    TopicPublish,

    /// <summary>EventBridge: PutEvents on the shop bus.</summary>
    BusPublish,

    /// <summary>Step Functions: StartExecution.</summary>
    StateMachineStart,

    /// <summary>PostgreSQL on 5432: no IAM action; the caller's own security group is admitted by the data tier.</summary>
    PostgresConnect,

    /// <summary>Redis (TLS) on 6379: no IAM action; the caller's own security group is admitted by the data tier.</summary>
    RedisConnect,

    /// <summary>Secrets Manager: GetSecretValue on one secret the plan names.</summary>
    SecretRead,
}
