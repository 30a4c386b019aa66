namespace SecureCart.Platform.Plan.Data;

/// <summary>The regional Redis replication group (cache and session cache; not replicated across regions).</summary>
public sealed record RedisPlan(
    string ReplicationGroupId,
    string Engine,
    string EngineVersion,
    string NodeType,
    int Shards,
    int ReplicasPerShard,
    bool ClusterMode,
    string ParameterGroup,
    bool TransitEncryption,
    bool AtRestEncryption,
    bool AutomaticFailover,
    bool MultiAz,
    int SnapshotRetentionDays,
    string SubnetGroupName,
    int Port)
{
    public int NodeCount => Shards * (1 + ReplicasPerShard);
}
