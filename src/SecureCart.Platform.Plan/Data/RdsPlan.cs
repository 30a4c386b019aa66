using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Data;

/// <summary>The regional PostgreSQL primary (orders, payments) and its read replicas.</summary>
/// <param name="ManageMasterPassword">RDS keeps the master password in Secrets Manager and rotates it.</param>
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
    string FinalSnapshotIdentifier,
    bool PerformanceInsights,
    bool StorageEncrypted,
    bool ManageMasterPassword,
    string DatabaseName,
    string MasterUsername,
    int Port,
    string SubnetGroupName,
    string KmsKeyAlias,
    bool Protect,
    ImmutableArray<RdsReplicaPlan> Replicas);
