namespace SecureCart.Platform.Plan.Data;

/// <summary>How one service reaches PostgreSQL: writes through the proxy, reads from the replicas or the writer.</summary>
/// <param name="Service">The service's logical name.</param>
/// <param name="ReadsFromReplicas">True when its read paths use the replicas (lag of seconds is acceptable there).</param>
/// <param name="ReadPaths">What it reads from the replicas, or why it reads from the writer.</param>
/// <param name="PoolSize">Connections per task to each endpoint (the task's Npgsql Maximum Pool Size).</param>
/// <param name="SurgeTasks">Its task count at the surge (four times the minimum, capped at the maximum).</param>
public sealed record DatabaseClientPlan(string Service, bool ReadsFromReplicas, string ReadPaths, int PoolSize, int SurgeTasks)
{
    public int SurgeConnections => PoolSize * SurgeTasks;
}
