using System.Collections.Immutable;
using Pulumi;
using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Infra.Compute;

/// <summary>A service's planned grants as one IAM policy: per grant, the kind's actions on that resource only.</summary>
internal static class TaskAccess
{
    private static readonly string[] s_tableRead = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem"];

    private static readonly string[] s_tableWrite = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"];

    public static Output<string> Policy(ImmutableArray<ServiceAccess> grants, AccessTargets targets)
    {
        ArgumentOutOfRangeException.ThrowIfZero(grants.Length);
        return Policies.Allow([.. grants.Select(g => Statement(g, targets))]);
    }

    private static (string[] Actions, Input<string>[] Resources) Statement(ServiceAccess grant, AccessTargets targets) => grant.Kind switch
    {
        AccessKind.TableRead => (s_tableRead, Table(Find(targets.Tables, grant))),
        AccessKind.TableReadWrite => ([.. s_tableRead, .. s_tableWrite], Table(Find(targets.Tables, grant))),
        AccessKind.QueueSend => (["sqs:SendMessage"], [Find(targets.Queues, grant)]),
        AccessKind.QueueConsume => (["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"], [Find(targets.Queues, grant)]),
        AccessKind.TopicPublish => (["sns:Publish"], [Find(targets.Topics, grant)]),
        AccessKind.BusPublish => (["events:PutEvents"], [Find(targets.Buses, grant)]),
        AccessKind.StateMachineStart => (["states:StartExecution"], [Find(targets.StateMachines, grant)]),
        _ => throw new InvalidOperationException($"No IAM actions for access kind {grant.Kind}."),
    };

    // Queries on a secondary index name the index's ARN, not the table's.
    private static Input<string>[] Table(Output<string> arn) => [arn, Output.Format($"{arn}/index/*")];

    private static Output<string> Find(ImmutableDictionary<string, Output<string>> deployed, ServiceAccess grant) =>
        deployed.TryGetValue(grant.Resource, out Output<string>? arn)
            ? arn
            : throw new InvalidOperationException($"The plan grants {grant.Kind} on '{grant.Resource}', which this stack does not create.");
}
