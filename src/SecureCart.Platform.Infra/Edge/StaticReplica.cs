using Pulumi;
using Pulumi.Aws.Iam;
using Pulumi.Aws.S3;
using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Infra.Edge;

/// <summary>
/// The static bucket's copy in the partner region: versioning on both buckets (replication requires it), the copy
/// blocked from the public like the source, a role S3 assumes to replicate, and a replication rule with Replication
/// Time Control (a 15-minute window with metrics). The copy is created in its own region through the resource's
/// region setting; CloudFront reads it through the same origin access control as the source.
/// </summary>
internal static class StaticReplica
{
    public sealed record Created(Bucket Bucket, BucketReplicationConfig Replication);

    public static Created Create(StaticReplicationPlan plan, Bucket source, InputMap<string> tags, Resource parent)
    {
        var sourceVersioning = Versioning(StaticReplicationPlan.SourceVersioningName, source, null, plan.SourceVersioning, parent);
        var replica = new Bucket(StaticReplicationPlan.ReplicaBucket, new BucketArgs { BucketName = plan.ReplicaBucketName, Region = plan.ReplicaRegion, Tags = tags }, Children.Of(parent));
        _ = new BucketPublicAccessBlock(StaticReplicationPlan.ReplicaBucketPublicAccess, new BucketPublicAccessBlockArgs
        {
            Bucket = replica.Id,
            Region = plan.ReplicaRegion,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, Children.Of(parent));
        var replicaVersioning = Versioning(StaticReplicationPlan.ReplicaVersioningName, replica, plan.ReplicaRegion, plan.ReplicaVersioning, parent);

        var role = new Role(StaticReplicationPlan.Role, new RoleArgs { Name = plan.RoleName, AssumeRolePolicy = Policies.AssumeRole("s3.amazonaws.com"), Tags = tags }, Children.Of(parent));
        _ = new RolePolicy(StaticReplicationPlan.RolePolicy, new RolePolicyArgs
        {
            Role = role.Name,
            Policy = Policies.Allow(
                (["s3:GetReplicationConfiguration", "s3:ListBucket"], [source.Arn]),
                (["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"], [Output.Format($"{source.Arn}/*")]),
                (["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"], [Output.Format($"{replica.Arn}/*")])),
        }, Children.Of(parent));

        var replication = new BucketReplicationConfig(StaticReplicationPlan.Replication, new BucketReplicationConfigArgs
        {
            Bucket = source.Id,
            Role = role.Arn,
            Rules =
            {
                new Pulumi.Aws.S3.Inputs.BucketReplicationConfigRuleArgs
                {
                    Id = "static-assets",
                    Status = "Enabled",
                    Filter = new Pulumi.Aws.S3.Inputs.BucketReplicationConfigRuleFilterArgs { Prefix = "" },
                    // A release removes what it replaces in both places.
                    DeleteMarkerReplication = new Pulumi.Aws.S3.Inputs.BucketReplicationConfigRuleDeleteMarkerReplicationArgs { Status = "Enabled" },
                    Destination = new Pulumi.Aws.S3.Inputs.BucketReplicationConfigRuleDestinationArgs
                    {
                        Bucket = replica.Arn,
                        ReplicationTime = new Pulumi.Aws.S3.Inputs.BucketReplicationConfigRuleDestinationReplicationTimeArgs
                        {
                            Status = "Enabled",
                            Time = new Pulumi.Aws.S3.Inputs.BucketReplicationConfigRuleDestinationReplicationTimeTimeArgs { Minutes = plan.ReplicationTimeMinutes },
                        },
                        // Replication Time Control needs its metrics on.
                        Metrics = new Pulumi.Aws.S3.Inputs.BucketReplicationConfigRuleDestinationMetricsArgs
                        {
                            Status = "Enabled",
                            EventThreshold = new Pulumi.Aws.S3.Inputs.BucketReplicationConfigRuleDestinationMetricsEventThresholdArgs { Minutes = plan.ReplicationTimeMinutes },
                        },
                    },
                },
            },
        }, new CustomResourceOptions { Parent = parent, DependsOn = { sourceVersioning, replicaVersioning } }); // S3 refuses replication before versioning
        return new Created(replica, replication);
    }

    private static BucketVersioning Versioning(string name, Bucket bucket, string? region, bool enabled, Resource parent) => new(name, new BucketVersioningArgs
    {
        Bucket = bucket.Id,
        Region = Children.Maybe(region),
        VersioningConfiguration = new Pulumi.Aws.S3.Inputs.BucketVersioningVersioningConfigurationArgs { Status = enabled ? "Enabled" : "Suspended" },
    }, Children.Of(parent));
}
