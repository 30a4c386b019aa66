using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Edge;

/// <summary>
/// The static bucket's copy in another region and CloudFront's origin group over the two. S3 Cross-Region Replication
/// (versioning on both buckets, a role S3 assumes) keeps the copy; the origin group retries a failing request there.
/// The home stack owns both buckets (the copy is created in its region through the resource's own region setting): the
/// copy must exist before replication is configured, and the distribution that reads it is the home stack's.
/// </summary>
/// <param name="ReplicationTimeMinutes">S3 Replication Time Control's window (15 min is the only value S3 accepts).</param>
/// <param name="FailoverStatusCodes">Origin responses that send the request to the failover origin.</param>
/// <param name="AllowedMethods">The static behaviour's methods: CloudFront fails over only for GET, HEAD and OPTIONS.</param>
public sealed record StaticReplicationPlan(
    string ReplicaBucketName,
    string ReplicaRegion,
    string RoleName,
    bool SourceVersioning,
    bool ReplicaVersioning,
    int ReplicationTimeMinutes,
    string OriginGroupId,
    string FailoverOriginId,
    ImmutableArray<int> FailoverStatusCodes,
    ImmutableArray<string> AllowedMethods)
{
    public const string ReplicaBucket = "static-replica-bucket";
    public const string ReplicaBucketPolicy = "static-replica-bucket-policy";
    public const string ReplicaBucketPublicAccess = "static-replica-bucket-public-access";
    public const string SourceVersioningName = "static-bucket-versioning";
    public const string ReplicaVersioningName = "static-replica-bucket-versioning";
    public const string Role = "static-replication-role";
    public const string RolePolicy = "static-replication-policy";
    public const string Replication = "static-replication";

    /// <summary>The origin-failover codes CloudFront accepts.</summary>
    public static ImmutableArray<int> AcceptedStatusCodes { get; } = [400, 403, 404, 416, 500, 502, 503, 504];

    public static ImmutableArray<string> LogicalNames { get; } =
        [ReplicaBucket, ReplicaBucketPolicy, ReplicaBucketPublicAccess, SourceVersioningName, ReplicaVersioningName, Role, RolePolicy, Replication];
}
