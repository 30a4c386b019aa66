using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Rds;
using SecureCart.Platform.Plan.Data;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Infra.Data;

/// <summary>
/// RDS Proxy in front of the primary (IAM auth for clients, the master secret towards the database, the pool sized by the
/// plan) and the endpoints the services get. The proxy has no read-only endpoint: those route to Aurora readers only,
/// so readers connect to the replicas themselves, with IAM database authentication as the reader user.
/// </summary>
internal static class PostgresAccess
{
    /// <summary>The database user the read paths connect to the replicas as (created by the schema migrations, granted rds_iam).</summary>
    public const string ReaderUser = "securecart_reader";

    public static DatabaseEndpoints Create(
        RdsPlan rds, RdsProxyPlan proxyPlan, Instance primary, ImmutableArray<Instance> replicas, Instance? standby,
        Pulumi.Aws.SecretsManager.Secret masterSecret, Network.RegionNetwork network, InputMap<string> tags, Resource parent)
    {
        // The proxy reads the master secret to log in; nothing else.
        var role = new Role($"{proxyPlan.LogicalName}-role", new RoleArgs { AssumeRolePolicy = Policies.AssumeRole("rds.amazonaws.com"), Tags = tags }, Children.Of(parent));
        _ = new RolePolicy($"{proxyPlan.LogicalName}-secret", new RolePolicyArgs
        {
            Role = role.Name,
            Policy = Policies.Allow((["secretsmanager:GetSecretValue"], [masterSecret.Arn])),
        }, Children.Of(parent));

        var proxy = new Proxy(proxyPlan.LogicalName, new ProxyArgs
        {
            Name = proxyPlan.Name,
            EngineFamily = proxyPlan.EngineFamily,
            RequireTls = proxyPlan.RequireTls,
            IdleClientTimeout = proxyPlan.IdleClientTimeoutSeconds,
            RoleArn = role.Arn,
            // Isolated subnets with the database. The data group admits the clients (so they reach the proxy); the proxy's
            // own client group is what the data group admits towards the primary.
            VpcSubnetIds = network.SubnetIds[SubnetTier.Isolated],
            VpcSecurityGroupIds = { network.SecurityGroupIds[DataTier.LogicalName], network.SecurityGroupIds[DataTier.ClientTier(proxyPlan.LogicalName)] },
            Auths =
            {
                new Pulumi.Aws.Rds.Inputs.ProxyAuthArgs
                {
                    AuthScheme = "SECRETS",
                    SecretArn = masterSecret.Arn,
                    IamAuth = proxyPlan.ClientAuth,
                    Description = "services connect with IAM tokens; the proxy logs in with the master secret",
                },
            },
            Tags = tags,
        }, Children.Of(parent));
        _ = new ProxyDefaultTargetGroup($"{proxyPlan.LogicalName}-pool", new ProxyDefaultTargetGroupArgs
        {
            DbProxyName = proxy.Name,
            ConnectionPoolConfig = new Pulumi.Aws.Rds.Inputs.ProxyDefaultTargetGroupConnectionPoolConfigArgs
            {
                MaxConnectionsPercent = proxyPlan.MaxConnectionsPercent,
                MaxIdleConnectionsPercent = proxyPlan.MaxIdleConnectionsPercent,
                ConnectionBorrowTimeout = proxyPlan.ConnectionBorrowTimeoutSeconds,
            },
        }, Children.Of(parent));
        _ = new ProxyTarget($"{proxyPlan.LogicalName}-target", new ProxyTargetArgs
        {
            DbProxyName = proxy.Name,
            TargetGroupName = proxyPlan.TargetGroup,
            DbInstanceIdentifier = primary.Identifier,
        }, Children.Of(parent));

        Output<string> writer = proxy.Endpoint.Apply(e => e ?? "");
        Output<string> readers = replicas.IsEmpty
            ? writer
            : Output.All(replicas.Select(r => r.Address)).Apply(a => string.Join(",", a.Select(x => x ?? "")));
        // rds-db:connect names the proxy (its id ends its ARN) and each instance by resource id, with the user.
        Output<string> account = Pulumi.Aws.GetCallerIdentity.Invoke().Apply(i => i.AccountId);
        Output<string> region = Pulumi.Aws.GetRegion.Invoke().Apply(r => r.Region);
        Output<ImmutableArray<string>> connect = Output.Tuple(account, region, proxy.Arn, Output.All(replicas.Select(r => r.ResourceId))).Apply(t =>
        {
            string DbUser(string resourceId, string user) => $"arn:aws:rds-db:{t.Item2}:{t.Item1}:dbuser:{resourceId}/{user}";
            var proxyId = (t.Item3 ?? "").Split(':')[^1];
            return t.Item4.Select(id => DbUser(id ?? "", ReaderUser)).Prepend(DbUser(proxyId, rds.MasterUsername)).ToImmutableArray();
        });
        return new DatabaseEndpoints(writer, readers, standby?.Address, rds.DatabaseName, rds.MasterUsername, ReaderUser, rds.Port, connect);
    }
}
