using Pulumi;
using Pulumi.Aws.Kms;
using Pulumi.Aws.Rds;
using SecureCart.Platform.Plan.Data;

namespace SecureCart.Platform.Infra.Data;

/// <summary>
/// The partner region's primary, kept here: a cross-Region read replica (promoted when that region is lost) and that
/// primary's automated backups replicated here (point-in-time restore if the replica is unusable). Both live in this
/// region, so this stack owns them; the source ARN comes from the plan's names, so neither stack references the other.
/// The first rollout of a new pair therefore deploys each stack once and the first stack again (its partner's primary
/// must exist before its standby can be created).
/// </summary>
internal static class PostgresStandby
{
    public static Instance Create(RdsStandbyPlan plan, RdsPlan local, Key key, Pulumi.Aws.Rds.SubnetGroup subnets, Output<string> securityGroup, InputMap<string> tags, Resource parent)
    {
        Output<string> sourceArn = Pulumi.Aws.GetCallerIdentity.Invoke().Apply(i => plan.SourceArn(i.AccountId));
        var standby = new Instance(plan.LogicalName, new InstanceArgs
        {
            Identifier = plan.Identifier,
            ReplicateSourceDb = sourceArn,
            InstanceClass = plan.InstanceClass,
            // A cross-Region replica is encrypted with a key of its own region, and needs a subnet group here.
            StorageEncrypted = true,
            KmsKeyId = key.Arn,
            DbSubnetGroupName = subnets.Name,
            VpcSecurityGroupIds = { securityGroup },
            PerformanceInsightsEnabled = local.PerformanceInsights,
            PubliclyAccessible = false,
            SkipFinalSnapshot = true, // its data is the source's, which keeps its own backups (and replicates them here)
            Tags = tags,
        }, new CustomResourceOptions { Parent = parent, Protect = local.Protect });
        _ = new InstanceAutomatedBackupsReplication(RdsStandbyPlan.BackupReplicationLogicalName, new InstanceAutomatedBackupsReplicationArgs
        {
            SourceDbInstanceArn = sourceArn,
            KmsKeyId = key.Arn,
            RetentionPeriod = plan.BackupRetentionDays,
        }, Children.Of(parent));
        return standby;
    }
}
