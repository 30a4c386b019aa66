namespace SecureCart.Platform.Plan.Configuration;

/// <summary>Configured size of the regional Redis replication group.</summary>
public sealed record RedisSettings(string NodeType, int Shards, int ReplicasPerShard);
