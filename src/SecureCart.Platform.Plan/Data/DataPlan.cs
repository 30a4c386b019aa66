using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Data;

/// <summary>The stack's data stores.</summary>
/// <param name="Proxy">RDS Proxy in front of the primary; the services' writer endpoint.</param>
/// <param name="Clients">Per PostgreSQL client: whether its read paths use the replicas, and its surge connections.</param>
/// <param name="Standby">The cross-Region replica this stack hosts for another stack's primary; null without a partner region.</param>
public sealed record DataPlan(
    RdsPlan Rds,
    ImmutableArray<DynamoTablePlan> Tables,
    RedisPlan Redis,
    RdsProxyPlan? Proxy = null,
    ImmutableArray<DatabaseClientPlan> Clients = default,
    RdsStandbyPlan? Standby = null);
