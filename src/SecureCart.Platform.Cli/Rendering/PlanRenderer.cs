using System.Globalization;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Observability;
using Spectre.Console;

namespace SecureCart.Platform.Cli.Rendering;

/// <summary>Renders a regional plan as a tree with tables.</summary>
internal static class PlanRenderer
{
    public static void Render(IAnsiConsole console, RegionalPlan plan, string fingerprint)
    {
        var root = new Tree(Markup.Escape($"{plan.Stack} ({plan.Region}, {plan.Profile.ToString().ToLowerInvariant()}{(plan.IsHome ? ", home" : "")})"));
        root.AddNode(Markup.Escape($"parity fingerprint {fingerprint}"));

        var network = root.AddNode(Markup.Escape($"network: VPC {plan.Network.VpcName} {plan.Network.Cidr}, NAT {plan.Network.Nat} in {string.Join(", ", plan.Network.NatGatewayZones)}"));
        network.AddNode(Table(["subnet", "tier", "zone", "cidr"], plan.Network.Subnets.Select(s => new[] { s.Name, s.Tier.ToString(), s.AvailabilityZone, s.Cidr })));
        network.AddNode(Markup.Escape($"endpoints: gateway {string.Join(", ", plan.Network.GatewayEndpoints)}; interface {string.Join(", ", plan.Network.InterfaceEndpoints.DefaultIfEmpty("none"))}"));

        var compute = root.AddNode(Markup.Escape($"compute: cluster {plan.Compute.ClusterName}"));
        compute.AddNode(Table(
            ["service", "kind", "cpu/mem", "arch", "min/desired/max", "capacity", "route"],
            plan.Compute.Services.Select(s => new[]
            {
                s.LogicalName, s.Kind.ToString(), $"{s.Cpu}/{s.MemoryMb}", s.RuntimeArchitecture,
                $"{s.Scaling.Min}/{s.Scaling.Desired}/{s.Scaling.Max}",
                string.Join(" ", s.CapacityProviders.Select(c => $"{c.Provider}(base {c.Base}, w {c.Weight})")),
                s.PathPattern ?? (s.OnAlb ? "default" : "-"),
            })));
        if (plan.Compute.Workers is { } w)
        {
            compute.AddNode(Markup.Escape($"workers: {w.AutoScalingGroupName} {string.Join("/", w.InstanceTypes)} size {w.MinSize}-{w.MaxSize}, on-demand base {w.OnDemandBaseCapacity}, {100 - w.OnDemandPercentAboveBase}% Spot above it ({w.SpotAllocationStrategy}), managed scaling {w.ManagedScalingTargetCapacity}%"));
        }

        var peak = plan.Compute.Services[0].Scaling.Scheduled;
        if (peak.Length > 0)
        {
            compute.AddNode(Markup.Escape($"peak window: {string.Join("; ", peak.Select(p => $"{p.Name} {p.Schedule} min {p.MinCapacity}"))} (storefront)"));
        }

        var lb = plan.Ingress.LoadBalancer;
        var ingress = root.AddNode(Markup.Escape($"ingress: ALB {lb.Name} ({(lb.Internal ? "internal" : "internet-facing")}), {string.Join(", ", lb.Listeners.Select(l => $"{l.Protocol}:{l.Port}{(l.SslPolicy is null ? "" : " " + l.SslPolicy)}"))}"));
        ingress.AddNode(Markup.Escape($"rules: {string.Join(", ", lb.Rules.Select(r => $"{r.Priority} {r.PathPattern} -> {r.Service}"))}; default -> {lb.DefaultService}"));
        var api = plan.Ingress.Api;
        ingress.AddNode(Markup.Escape($"API Gateway {api.Name} at {api.CustomDomain}: {api.DefaultThrottle.RateLimit} rps / burst {api.DefaultThrottle.BurstLimit}; {string.Join(", ", api.RouteThrottles.Select(t => $"{t.RouteKey} {t.RateLimit}/{t.BurstLimit}"))}"));
        ingress.AddNode(Markup.Escape($"{api.Kind} API behind web ACL {api.WebAcl.Name} ({api.WebAcl.Scope}); API keys on usage plans {string.Join(", ", api.UsagePlans.Select(u => $"{u.LogicalName} {u.RateLimit}/{u.BurstLimit}{(u.QuotaPerDay is { } q ? $" {q}/day" : "")}"))}"));

        var rds = plan.Data.Rds;
        var data = root.AddNode("data");
        data.AddNode(Markup.Escape($"PostgreSQL {rds.EngineVersion} {rds.Identifier} {rds.InstanceClass}, {rds.AllocatedStorageGb} GiB {rds.StorageType}, Multi-AZ {rds.MultiAz}, backups {rds.BackupRetentionDays} d, deletion protection {rds.DeletionProtection}, {rds.Replicas.Length} read replica(s)"));
        data.AddNode(Table(["table", "keys", "role", "home", "replicas", "capacity"], plan.Data.Tables.Select(t => new[] { t.Name, t.RangeKey is null ? t.HashKey : $"{t.HashKey}+{t.RangeKey}", t.Role.ToString(), t.HomeRegion, string.Join(", ", t.ReplicaRegions.DefaultIfEmpty("-")), t.Capacity.Reason })));
        var redis = plan.Data.Redis;
        data.AddNode(Markup.Escape($"Redis {redis.ReplicationGroupId} {redis.NodeType}: {redis.Shards} shard(s) x {1 + redis.ReplicasPerShard} node(s), TLS {redis.TransitEncryption}, at rest {redis.AtRestEncryption}"));
        RecoveryRenderer.AddDatabase(data, plan);

        var messaging = root.AddNode(Markup.Escape($"messaging: bus {plan.Messaging.BusName}"));
        messaging.AddNode(Markup.Escape($"queues: {string.Join(", ", plan.Messaging.Queues.Select(q => $"{q.Name} (DLQ after {q.MaxReceiveCount})"))}"));
        messaging.AddNode(Markup.Escape($"rules: {string.Join(", ", plan.Messaging.Rules.Select(r => $"{r.DetailType} -> {string.Join("+", r.Targets)}"))}; topics: {string.Join(", ", plan.Messaging.Topics.Select(t => t.LogicalName))}"));
        root.AddNode(Markup.Escape($"workflow: {plan.Workflow.StateMachineName}: {string.Join(" -> ", plan.Workflow.HappyPath)}; on failure: {string.Join(", ", plan.Workflow.Steps.Select(s => s.Name).Except(plan.Workflow.HappyPath))}; functions {string.Join(", ", plan.Workflow.Functions.Select(f => f.LogicalName))}"));
        root.AddNode(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"observability: {plan.Observability.Alarms.Length} alarms -> {plan.Observability.AlarmTopic}, X-Ray {plan.Observability.XRaySamplingRate:P0} sampled, dashboard {plan.Observability.DashboardName}")));
        root.AddNode(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"alerting: {plan.Observability.CompositeAlarms.Length} SLO composites over {plan.Observability.MathAlarms.Length} metric-math alarms; paging {(plan.Observability.Paging.Enabled ? "https (pagerEndpoint)" : "e-mail only")}; X-Ray rules {string.Join(", ", plan.Observability.SamplingRules.Select(r => $"{r.UrlPath} {r.FixedRate:P0}"))}")));
        if (plan.Observability.TransactionSearch is { } search)
        {
            root.AddNode(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"tracing: Transaction Search, spans to CloudWatch Logs {TransactionSearchPlan.SpansLogGroup}, {search.IndexedPercent / 100:P0} indexed")));
        }
        var edge = root.AddNode(Markup.Escape($"edge: endpoint group {plan.EndpointGroup.Region} dial {plan.EndpointGroup.TrafficDialPercentage}%, {plan.ApiRecord.Name} latency record"));
        if (plan.Edge is { } e)
        {
            edge.AddNode(Markup.Escape($"accelerator {e.AcceleratorName} ({e.ListenerProtocol} {string.Join(",", e.ListenerPorts)}), endpoint groups in {string.Join(", ", e.EndpointGroupRegions)}"));
            edge.AddNode(Markup.Escape($"CloudFront {string.Join(", ", e.CloudFront.Aliases)}: static from {e.CloudFront.StaticBucketName} (OAC), {e.CloudFront.ApiPathPattern} -> accelerator, WAF {e.CloudFront.WafRateLimitPer5Minutes}/5 min per IP"));
            edge.AddNode(Markup.Escape($"DNS: {string.Join(", ", e.Records.Select(r => $"{r.Name} {r.Type} -> {r.Target}"))}"));
        }

        RecoveryRenderer.AddRecovery(root, plan);
        root.AddNode(Markup.Escape($"tags: {string.Join(", ", plan.Tags.Select(t => $"{t.Key}={t.Value}"))}"));
        console.Write(root);
    }

    public static Table Table(string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers)
        {
            table.AddColumn(Markup.Escape(header));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        return table;
    }
}
