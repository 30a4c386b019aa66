using System.Globalization;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Data;
using Spectre.Console;

namespace SecureCart.Platform.Cli.Rendering;

/// <summary>The plan's database connections (proxy, readers, standby) and its recovery objectives and region-failure path.</summary>
internal static class RecoveryRenderer
{
    public static void AddDatabase(TreeNode data, RegionalPlan plan)
    {
        if (plan.Data.Proxy is { } proxy)
        {
            data.AddNode(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"RDS Proxy {proxy.Name}: IAM auth {proxy.ClientAuth}, TLS, max {proxy.MaxConnectionsPercent}% of {proxy.InstanceMaxConnections} connections ({proxy.DatabaseConnections}) for a surge of {proxy.SurgeClientConnections} client connections, idle {proxy.MaxIdleConnectionsPercent}%, borrow timeout {proxy.ConnectionBorrowTimeoutSeconds} s; no read-only endpoint (Aurora only)")));
        }

        if (!plan.Data.Clients.IsDefaultOrEmpty)
        {
            var replicas = plan.Data.Rds.Replicas.Length;
            if (replicas > 0)
            {
                data.AddNode(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"replicas at the surge: {DatabaseConnectionsPlanner.ReplicaSurgeConnections(plan.Data.Clients, replicas)} reader connections each, of {RdsConnectionLimits.MaxConnections(plan.Data.Rds.InstanceClass)}")));
            }

            data.AddNode(PlanRenderer.Table(["PostgreSQL client", "reads from", "read paths", "surge tasks x pool"], plan.Data.Clients.Select(c => new[]
            {
                c.Service, c.ReadsFromReplicas ? "replicas" : "writer (proxy)", c.ReadPaths, string.Create(CultureInfo.InvariantCulture, $"{c.SurgeTasks} x {c.PoolSize}"),
            })));
        }

        if (plan.Data.Standby is { } standby)
        {
            data.AddNode(Markup.Escape($"standby {standby.Identifier}: cross-Region replica of {standby.SourceStack}'s {standby.SourceIdentifier} ({standby.SourceRegion}), {standby.InstanceClass}, with its automated backups replicated here ({standby.BackupRetentionDays} d)"));
        }
    }

    public static void AddRecovery(Tree root, RegionalPlan plan)
    {
        if (plan.Recovery is not { } recovery)
        {
            return;
        }

        var node = root.AddNode(Markup.Escape(recovery.KeptByStack is null
            ? "recovery: no partner region: this stack's data has no copy outside its region"
            : $"recovery: copies kept by {recovery.KeptByStack} ({recovery.KeptByRegion}); this stack keeps {recovery.ProtectsStack}'s"));
        node.AddNode(PlanRenderer.Table(["store", "failure", "mechanism", "RPO", "RTO"], recovery.Objectives.Select(o => new[] { o.Store, o.Failure, o.Mechanism, o.Rpo, o.Rto })));
        var path = node.AddNode(Markup.Escape($"region-failure path ({plan.Region} lost):"));
        foreach (var (step, index) in recovery.RegionFailurePath.Select((s, i) => (s, i + 1)))
        {
            path.AddNode(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{index}. {step}")));
        }
    }
}
