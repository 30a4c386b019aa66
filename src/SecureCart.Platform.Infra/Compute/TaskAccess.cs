using System.Collections.Immutable;
using Pulumi;
using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Infra.Compute;

/// <summary>A service's planned grants as one IAM policy: per grant, the kind's actions on that resource only (for a table, also the key actions on its key).</summary>
internal static class TaskAccess
{
    private static readonly string[] s_tableRead = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem"];

    private static readonly string[] s_tableWrite = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"];

    private static readonly string[] s_keyRead = ["kms:Decrypt"];

    private static readonly string[] s_keyWrite = ["kms:Decrypt", "kms:GenerateDataKey"];

    /// <remarks>Grants the network enforces (PostgreSQL, Redis) have no IAM action and are left out; at least one other grant is required.</remarks>
    public static Output<string> Policy(ImmutableArray<ServiceAccess> grants, AccessTargets targets)
    {
        List<ServiceAccess> iam = [.. grants.Where(g => !g.IsNetwork)];
        ArgumentOutOfRangeException.ThrowIfZero(iam.Count);
        return Policies.Allow([.. iam.SelectMany(g => Statements(g, targets))]);
    }

    // A table grant is two statements: the DynamoDB actions on the table, and the key actions on this region's
    // table key (the tables are encrypted with a customer-managed key, so DynamoDB calls it as the caller).
    private static IEnumerable<(string[] Actions, Input<string>[] Resources)> Statements(ServiceAccess grant, AccessTargets targets) => grant.Kind switch
    {
        AccessKind.TableRead when targets.TablesUseAwsOwnedKey => [(s_tableRead, Table(Find(targets.Tables, grant)))],
        AccessKind.TableReadWrite when targets.TablesUseAwsOwnedKey => [([.. s_tableRead, .. s_tableWrite], Table(Find(targets.Tables, grant)))],
        AccessKind.TableRead => [(s_tableRead, Table(Find(targets.Tables, grant))), (s_keyRead, [TableKey(targets, grant)])],
        AccessKind.TableReadWrite => [([.. s_tableRead, .. s_tableWrite], Table(Find(targets.Tables, grant))), (s_keyWrite, [TableKey(targets, grant)])],
        AccessKind.QueueSend => [(["sqs:SendMessage"], [Find(targets.Queues, grant)])],
        AccessKind.QueueConsume => [(["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"], [Find(targets.Queues, grant)])],
        AccessKind.TopicPublish => [(["sns:Publish"], [Find(targets.Topics, grant)])],
        AccessKind.BusPublish => [(["events:PutEvents"], [Find(targets.Buses, grant)])],
        AccessKind.StateMachineStart => [(["states:StartExecution"], [Find(targets.StateMachines, grant)])],
        AccessKind.SecretRead => [(["secretsmanager:GetSecretValue"], [Find(targets.Secrets ?? ImmutableDictionary<string, Output<string>>.Empty, grant)])],
        _ => throw new InvalidOperationException($"No IAM actions for access kind {grant.Kind}."),
    };

    /// <summary>The deployed ARN of a grant's resource, for a function's environment.</summary>
    public static Output<string> Arn(ServiceAccess grant, AccessTargets targets) => grant.Kind switch
    {
        AccessKind.TableRead or AccessKind.TableReadWrite => Find(targets.Tables, grant),
        AccessKind.QueueSend or AccessKind.QueueConsume => Find(targets.Queues, grant),
        AccessKind.TopicPublish => Find(targets.Topics, grant),
        AccessKind.BusPublish => Find(targets.Buses, grant),
        AccessKind.StateMachineStart => Find(targets.StateMachines, grant),
        AccessKind.SecretRead => Find(targets.Secrets ?? ImmutableDictionary<string, Output<string>>.Empty, grant),
        _ => throw new InvalidOperationException($"No ARN for access kind {grant.Kind}."),
    };

    private static Output<string> TableKey(AccessTargets targets, ServiceAccess grant) =>
        targets.TableKey ?? throw new InvalidOperationException($"The plan grants {grant.Kind} on '{grant.Resource}', but this stack has no table key.");

    // Queries on a secondary index name the index's ARN, not the table's.
    private static Input<string>[] Table(Output<string> arn) => [arn, Output.Format($"{arn}/index/*")];

    private static Output<string> Find(ImmutableDictionary<string, Output<string>> deployed, ServiceAccess grant) =>
        deployed.TryGetValue(grant.Resource, out Output<string>? arn)
            ? arn
            : throw new InvalidOperationException($"The plan grants {grant.Kind} on '{grant.Resource}', which this stack does not create.");
}
