namespace SecureCart.Platform.Plan.Data;

/// <summary>
/// RDS Proxy in front of the primary: absorbs the connection surge of a sale (tasks at four times their minimum) by
/// pooling, so the primary sees at most <paramref name="MaxConnectionsPercent"/> of its <c>max_connections</c>.
/// Clients authenticate with IAM (no password in any task); the proxy logs in with the master secret.
/// </summary>
/// <param name="ReadOnlyEndpoint">
/// Always null for an RDS instance target: a proxy's read-only endpoint routes to Aurora readers only, so readers
/// connect to the replicas directly (<see cref="DatabaseClientPlan"/>). A rule refuses a plan that sets one.
/// </param>
/// <param name="SurgeClientConnections">Client connections the writer's clients open at the surge (tasks x pool size).</param>
/// <param name="InstanceMaxConnections">The primary's default <c>max_connections</c> for its class (see <see cref="RdsConnectionLimits"/>).</param>
public sealed record RdsProxyPlan(
    string LogicalName,
    string Name,
    string EngineFamily,
    bool RequireTls,
    string ClientAuth,
    string TargetGroup,
    int MaxConnectionsPercent,
    int MaxIdleConnectionsPercent,
    int ConnectionBorrowTimeoutSeconds,
    int IdleClientTimeoutSeconds,
    int SurgeClientConnections,
    int InstanceMaxConnections,
    string? ReadOnlyEndpoint)
{
    /// <summary>Connections to the primary the proxy may hold at most.</summary>
    public int DatabaseConnections => InstanceMaxConnections * MaxConnectionsPercent / 100;

    /// <summary>Client connections per database connection at the surge; above 1 the proxy multiplexes (and queues when pinned).</summary>
    public double Multiplexing => DatabaseConnections == 0 ? 0 : (double)SurgeClientConnections / DatabaseConnections;
}
