using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Data;

/// <summary>The regional PostgreSQL primary (orders, payments) and its read replicas.</summary>
/// <param name="ManageMasterPassword">
/// RDS keeps the master password in Secrets Manager itself. False whenever the plan has read replicas: RDS cannot
/// create a read replica of a source whose credentials it manages in Secrets Manager (all engines but SQL Server).
/// </param>
/// <param name="MasterPasswordSecretName">When RDS does not manage it: the secret the program generates the password into.</param>
/// <param name="PasswordRotationDays">How often Secrets Manager rotates that secret (the AWS single-user rotation function for PostgreSQL).</param>
/// <param name="FinalSnapshotPrefix">
/// Start of the final snapshot's name; the program appends the storage key's id, which is new with every instance,
/// so a second destroy (after a re-create) never collides with the first one's snapshot.
/// </param>
/// <param name="Protect">Pulumi <c>protect</c> and <c>retainOnDelete</c> on the instance and its key.</param>
public sealed record RdsPlan(
    string Identifier,
    string Engine,
    string EngineVersion,
    string InstanceClass,
    string StorageType,
    int AllocatedStorageGb,
    int MaxAllocatedStorageGb,
    bool MultiAz,
    int BackupRetentionDays,
    string BackupWindow,
    string MaintenanceWindow,
    bool DeletionProtection,
    bool SkipFinalSnapshot,
    string FinalSnapshotPrefix,
    bool PerformanceInsights,
    bool StorageEncrypted,
    bool ManageMasterPassword,
    string MasterPasswordSecretName,
    int PasswordRotationDays,
    string DatabaseName,
    string MasterUsername,
    int Port,
    string SubnetGroupName,
    string KmsKeyAlias,
    bool Protect,
    ImmutableArray<RdsReplicaPlan> Replicas);
