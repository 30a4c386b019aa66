namespace SecureCart.Platform.Plan.Data;

/// <summary>The regional Redis replication group (cache and session cache; not replicated across regions).</summary>
/// <param name="AuthTokenSecretName">Secret the program generates the Redis AUTH token into (AUTH needs in-transit encryption).</param>
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
    int Port,
    string AuthTokenSecretName)
{
    public int NodeCount => Shards * (1 + ReplicasPerShard);

    /// <summary>
    /// Every node's cache cluster id, which CloudWatch's engine metrics are published under: ElastiCache names the
    /// member clusters of a cluster-mode group <c>&lt;group&gt;-&lt;shard&gt;-&lt;node&gt;</c>, the shard being the node group id
    /// ("numbered 0001 to 0090", ElastiCache API reference, NodeGroup) and the node a three-digit number from 001.
    /// </summary>
    /// <returns>Per node: a region-neutral logical name (<c>redis-0001-001</c>) and the deployed cache cluster id.</returns>
    public IEnumerable<(string LogicalName, string CacheClusterId)> Nodes => Enumerable.Range(1, Shards).SelectMany(shard =>
        Enumerable.Range(1, 1 + ReplicasPerShard).Select(node =>
        {
            var suffix = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{shard:D4}-{node:D3}");
            return ($"redis-{suffix}", $"{ReplicationGroupId}-{suffix}");
        }));
}
