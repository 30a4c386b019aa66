using System.Collections.Frozen;
using System.Text.Json;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Risk;

/// <summary>
/// The resource types that hold data, and the settings that keep the data when the resource goes away.
/// Data, not code: add a row to cover another type.
/// </summary>
public static class StatefulResources
{
    private static readonly DataGuard s_deletionProtection = new("deletionProtection", GuardTest.IsTrue, "deletion protection is on (the delete will fail)");
    private static readonly DataGuard s_finalSnapshot = new("skipFinalSnapshot", GuardTest.IsFalse, "a final snapshot is taken");

    private static readonly FrozenDictionary<string, StatefulKind> s_kinds = new StatefulKind[]
    {
        new("aws:rds/instance:Instance", "RDS instance", [s_deletionProtection, s_finalSnapshot]),
        new("aws:rds/cluster:Cluster", "RDS cluster", [s_deletionProtection, s_finalSnapshot]),
        new("aws:rds/clusterInstance:ClusterInstance", "RDS cluster instance", []),
        new("aws:dynamodb/table:Table", "DynamoDB table",
        [
            new("deletionProtectionEnabled", GuardTest.IsTrue, "deletion protection is on (the delete will fail)"),
            new("pointInTimeRecovery.enabled", GuardTest.IsTrue, "point-in-time recovery is on"),
        ]),
        new("aws:dynamodb/tableReplica:TableReplica", "DynamoDB table replica", [new("pointInTimeRecovery", GuardTest.IsTrue, "point-in-time recovery is on")]),
        new("aws:elasticache/replicationGroup:ReplicationGroup", "ElastiCache replication group", [new("finalSnapshotIdentifier", GuardTest.IsNonEmpty, "a final snapshot is taken")]),
        new("aws:elasticache/cluster:Cluster", "ElastiCache cluster", [new("finalSnapshotIdentifier", GuardTest.IsNonEmpty, "a final snapshot is taken")]),
        new("aws:s3/bucket:Bucket", "S3 bucket", [new("forceDestroy", GuardTest.IsFalse, "forceDestroy is off (a bucket with objects is not deleted)")]),
        new("aws:s3/bucketV2:BucketV2", "S3 bucket", [new("forceDestroy", GuardTest.IsFalse, "forceDestroy is off (a bucket with objects is not deleted)")]),
        new("aws:kms/key:Key", "KMS key", [new("deletionWindowInDays", GuardTest.IsPositiveOrAbsent, "the key is only scheduled for deletion (recoverable during its 7-30 day window)")]),
        new("aws:secretsmanager/secret:Secret", "Secrets Manager secret", [new("recoveryWindowInDays", GuardTest.IsPositiveOrAbsent, "the secret is recoverable during its recovery window")]),
    }.ToFrozenDictionary(k => k.Type, StringComparer.Ordinal);

    public static bool TryGet(string type, out StatefulKind kind) => s_kinds.TryGetValue(type, out kind!);

    public static bool IsStateful(string type) => s_kinds.ContainsKey(type);

    /// <summary>The protections found on a resource about to be replaced or deleted, in words.</summary>
    public static IReadOnlyList<string> Protections(StatefulKind kind, ResourceState state)
    {
        var found = new List<string>();
        if (state.Protect)
        {
            found.Add("`protect` is set (Pulumi refuses the delete)");
        }

        if (state.RetainOnDelete)
        {
            found.Add("`retainOnDelete` is set (the cloud resource is kept)");
        }

        foreach (var guard in kind.Guards)
        {
            var value = PropertyPath.Resolve(state.Inputs, guard.Property);
            if (value.ValueKind == JsonValueKind.Undefined)
            {
                value = PropertyPath.Resolve(state.Outputs, guard.Property);
            }

            if (guard.Holds(value))
            {
                found.Add(guard.Words);
            }
        }

        return found;
    }
}

/// <summary>A stateful type and the settings that keep its data.</summary>
public sealed record StatefulKind(string Type, string Label, IReadOnlyList<DataGuard> Guards);

/// <summary>One setting that keeps data when the resource is deleted.</summary>
public sealed record DataGuard(string Property, GuardTest Test, string Words)
{
    public bool Holds(JsonElement value) => Test switch
    {
        GuardTest.IsTrue => value.ValueKind == JsonValueKind.True,
        GuardTest.IsFalse => value.ValueKind == JsonValueKind.False,
        GuardTest.IsNonEmpty => value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0,
        GuardTest.IsPositive => value.ValueKind == JsonValueKind.Number && value.GetDouble() > 0,
        GuardTest.IsPositiveOrAbsent => value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            || (value.ValueKind == JsonValueKind.Number && value.GetDouble() > 0),
        _ => false,
    };
}

/// <summary>How a <see cref="DataGuard"/> reads its property.</summary>
public enum GuardTest
{
    IsTrue,
    IsFalse,
    IsNonEmpty,
    IsPositive,
    IsPositiveOrAbsent,
}
