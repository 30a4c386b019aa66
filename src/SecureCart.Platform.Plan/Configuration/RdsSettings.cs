namespace SecureCart.Platform.Plan.Configuration;

/// <summary>Configured size of the regional PostgreSQL primary and its replicas.</summary>
public sealed record RdsSettings(string InstanceClass, int ReadReplicas, int BackupRetentionDays, int StorageGb);
