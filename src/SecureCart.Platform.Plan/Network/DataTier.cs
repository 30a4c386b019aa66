using System.Collections.Immutable;
using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Plan.Network;

/// <summary>
/// Who reaches the data tier. Each service or function whose plan access names PostgreSQL or Redis gets a security
/// group of its own, and the data group admits exactly those groups on exactly the ports they need: a compromised
/// catalog task cannot open a connection to the orders database.
/// </summary>
public static class DataTier
{
    /// <summary>The data group's tier name (RDS, its replicas and Redis sit in it).</summary>
    public const string LogicalName = "data";

    /// <summary>Logical resource name of the regional PostgreSQL, as access grants name it.</summary>
    public const string Postgres = "postgres";

    /// <summary>Logical resource name of the regional Redis, as access grants name it.</summary>
    public const string Redis = "redis";

    /// <summary>The tier VPC functions share besides their own: it reaches the interface endpoints, nothing reaches it.</summary>
    public const string Functions = "functions";

    /// <summary>The AWS rotation function of the PostgreSQL master secret: it logs in to change the password.</summary>
    public const string RotationClient = "postgres-rotation";

    public const int PostgresPort = 5432;

    public const int RedisPort = 6379;

    /// <summary>The client group of one service or function.</summary>
    public static string ClientTier(string client) => $"{client}-data-client";

    /// <summary>True when the grants reach PostgreSQL or Redis, so their holder needs a client group (and, for a function, the VPC).</summary>
    public static bool Reaches(IEnumerable<ServiceAccess> access) => access.Any(a => a.IsNetwork);

    /// <summary>The data group's inbound rules: per client, in order, the ports of the stores its grants name.</summary>
    public static ImmutableArray<IngressRulePlan> Ingress(IEnumerable<DataClient> clients) =>
    [
        .. clients.SelectMany(c => c.Access.Where(a => a.IsNetwork).Select(a => a.Kind == AccessKind.PostgresConnect
            ? new IngressRulePlan($"PostgreSQL from {c.LogicalName}", PostgresPort, PostgresPort, ClientTier(c.LogicalName), null)
            : new IngressRulePlan($"Redis (TLS) from {c.LogicalName}", RedisPort, RedisPort, ClientTier(c.LogicalName), null))
            .DistinctBy(r => r.FromPort)),
    ];
}
