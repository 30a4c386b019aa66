using System.Collections.Frozen;
using System.Collections.Immutable;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Naming;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Data;

/// <summary>
/// Decides who reads from the replicas and sizes RDS Proxy for the sale's connection surge: every PostgreSQL client's
/// tasks at four times their minimum, each with its own pool.
/// </summary>
public static class DatabaseConnectionsPlanner
{
    /// <summary>The surge the proxy is sized for: tasks at this multiple of their minimum (capped at their maximum).</summary>
    public const int SurgeMultiplier = 4;

    /// <summary>Connections per task to each endpoint: enough for the request concurrency one task serves.</summary>
    public const int PoolSize = 10;

    public const string ProxyLogicalName = "postgres-proxy";

    // Headroom over the surge demand, so a retry storm on top of the surge still finds a pooled connection.
    private const double Headroom = 1.25;

    // Kept out of the proxy's reach: the rotation function and an operator's session must always get in.
    private const int MaxProxyPercent = 90;

    private const int MinProxyPercent = 10;

    /// <summary>
    /// The services that read from the replicas, and what: paths where a few seconds of replica lag is acceptable.
    /// Any other PostgreSQL client reads from the writer; the reason is given here too.
    /// </summary>
    public static FrozenDictionary<string, (bool Replicas, string Paths)> ReadPaths { get; } = new Dictionary<string, (bool, string)>(StringComparer.Ordinal)
    {
        ["orders"] = (true, "order history and order lists; the confirmation right after checkout reads the writer"),
        ["inventory"] = (true, "stock levels shown on product pages; reservations lock rows on the writer"),
        ["payments"] = (false, "charges, refunds and reconciliation read what they just wrote: writer only"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ImmutableArray<DatabaseClientPlan> Clients(ComputePlan compute, int replicas)
    {
        ArgumentNullException.ThrowIfNull(compute);
        return [.. compute.Services.Where(s => s.Access.Any(a => a.Kind == AccessKind.PostgresConnect)).Select(s =>
        {
            var (readsReplicas, paths) = ReadPaths.GetValueOrDefault(s.LogicalName, (false, "no read path declared: writer only"));
            var surge = Math.Min(s.Scaling.Max, s.Scaling.Min * SurgeMultiplier);
            return replicas > 0
                ? new DatabaseClientPlan(s.LogicalName, readsReplicas, paths, PoolSize, surge)
                : new DatabaseClientPlan(s.LogicalName, false, "no read replicas in this stack: writer", PoolSize, surge);
        })];
    }

    public static RdsProxyPlan Proxy(RdsPlan rds, ImmutableArray<DatabaseClientPlan> clients, ResourceNames names)
    {
        ArgumentNullException.ThrowIfNull(rds);
        ArgumentNullException.ThrowIfNull(names);
        var maxConnections = RdsConnectionLimits.MaxConnections(rds.InstanceClass);
        // Every client keeps a writer pool, readers included (their writes and read-your-writes paths use it).
        var demand = clients.Sum(c => c.SurgeConnections);
        var percent = (int)Math.Ceiling(100.0 * demand * Headroom / maxConnections);
        percent = Math.Clamp((percent + 4) / 5 * 5, MinProxyPercent, MaxProxyPercent);
        return new RdsProxyPlan(
            ProxyLogicalName,
            // Proxy names: at most 60 characters, letters, digits and hyphens.
            names.Physical("postgres-proxy", 60),
            "POSTGRESQL",
            RequireTls: true,
            ClientAuth: "REQUIRED",
            TargetGroup: "default",
            percent,
            // Idle connections kept warm for the next burst: half the ceiling (the AWS default ratio).
            MaxIdleConnectionsPercent: percent / 2,
            // A request waiting longer than the ALB's patience is better refused than served late.
            ConnectionBorrowTimeoutSeconds: 30,
            IdleClientTimeoutSeconds: 1800,
            demand,
            maxConnections,
            ReadOnlyEndpoint: null);
    }

    /// <summary>Client connections each replica takes at the surge, when the readers spread evenly over the replicas.</summary>
    public static int ReplicaSurgeConnections(ImmutableArray<DatabaseClientPlan> clients, int replicas) =>
        replicas == 0 ? 0 : (int)Math.Ceiling((double)clients.Where(c => c.ReadsFromReplicas).Sum(c => c.SurgeConnections) / replicas);

    /// <summary>The proxy's network client: it joins the data group (clients reach it there) and its own client group.</summary>
    public static DataClient ProxyClient { get; } = new(ProxyLogicalName, [new(AccessKind.PostgresConnect, DataTier.Postgres)]);
}
