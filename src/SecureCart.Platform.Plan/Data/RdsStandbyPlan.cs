namespace SecureCart.Platform.Plan.Data;

/// <summary>
/// The cross-Region read replica this stack hosts for another stack's primary: the copy that is promoted when that
/// region is lost. It lives in this stack's region, so this stack owns it (as with a global table's replica).
/// </summary>
/// <param name="SourceStack">The stack whose primary it replicates.</param>
/// <param name="SourceRegion">That primary's region.</param>
/// <param name="SourceIdentifier">That primary's DB instance identifier (names are planned, so the ARN needs no stack reference).</param>
/// <param name="SourceBackupRetentionDays">The source's backup retention: RDS replicates only from a source with automated backups.</param>
/// <param name="KmsKeyAlias">This region's key (an encrypted cross-Region replica is encrypted with a key of its own region).</param>
/// <param name="AllocatedStorageGb">The source's allocated storage, which a replica gets too.</param>
/// <param name="BackupRetentionDays">How long this region keeps the source's replicated automated backups (point-in-time restore here).</param>
public sealed record RdsStandbyPlan(
    string LogicalName,
    string Identifier,
    string InstanceClass,
    string SourceStack,
    string SourceRegion,
    string SourceIdentifier,
    int SourceBackupRetentionDays,
    string KmsKeyAlias,
    int BackupRetentionDays,
    int AllocatedStorageGb)
{
    public const string StandbyLogicalName = "postgres-standby";

    public const string BackupReplicationLogicalName = "postgres-backup-replication";

    /// <summary>
    /// The RPO the plan publishes for a lost region: the standby's replication lag at the failure, held under a minute.
    /// Replication is asynchronous, so AWS promises no figure; the ReplicaLag alarm pages when the lag passes this, well
    /// before it reaches the ~5 minutes the replicated backups would give anyway.
    /// </summary>
    public const int RpoSeconds = 60;

    /// <summary>Engine and region in an RDS ARN; the account is the deploying account's.</summary>
    public string SourceArn(string account) => $"arn:aws:rds:{SourceRegion}:{account}:db:{SourceIdentifier}";
}
