using System.Collections.Immutable;
using System.Globalization;
using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Plan.Cost;

/// <summary>
/// Prices a plan at its steady state: desired tasks, minimum workers, every node and gateway, using the
/// price file. Request- and transfer-priced services are estimated from a usage profile when one is given and
/// listed without a figure otherwise; anything the price file has no price for in the plan's region is named and
/// counted as zero: a missing price never stops a plan. Beside the list price sits a Savings Plans scenario.
/// </summary>
public sealed partial class CostModel(PriceBook prices)
{
    public static CostModel Default { get; } = new(PriceBook.Default);

    public PriceBook Prices => prices;

    /// <summary>
    /// ECS-optimized Amazon Linux 2023 AMIs boot from a 30 GiB gp3 root volume (aws/amazon-ecs-ami, variables.pkr.hcl:
    /// block_device_size_gb = 30, mapped as /dev/xvda by al2023.pkr.hcl and al2023arm.pkr.hcl); Infra maps no other.
    /// </summary>
    public const int WorkerRootVolumeGb = 30;

    public CostEstimate Estimate(RegionalPlan plan) => Estimate(plan, usage: null);

    public CostEstimate Estimate(RegionalPlan plan, UsageProfile? usage)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var region = plan.Region;
        var items = ImmutableArray.CreateBuilder<CostItem>();
        void Hourly(string component, string resource, string sku, decimal quantity, string note, decimal factor = 1m)
        {
            var price = prices.Find(region, sku);
            var hourly = (price ?? 0m) * quantity * factor;
            items.Add(new CostItem(component, resource, sku, quantity, Round(hourly), Round(hourly * prices.HoursPerMonth), Unknown(note, price, sku)) { MissingPrices = Missing(price, sku) });
        }

        void Monthly(string component, string resource, string sku, decimal quantity, string note)
        {
            var price = prices.Find(region, sku);
            var monthly = (price ?? 0m) * quantity;
            items.Add(new CostItem(component, resource, sku, quantity, Round(monthly / prices.HoursPerMonth), Round(monthly), Unknown(note, price, sku)) { MissingPrices = Missing(price, sku) });
        }

        void Usage(string component, string resource, string note) => items.Add(new CostItem(component, resource, "", 0, 0, 0, note));

        Hourly("network", "NAT gateways", "natgateway.hour", plan.Network.NatGatewayZones.Length, "hourly charge only; data processed is usage-priced");
        Hourly("network", "public IPv4 on NAT gateways", "publicipv4.hour", plan.Network.NatGatewayZones.Length, "one Elastic IP per NAT gateway, charged per address-hour like any public IPv4 address");
        if (plan.Network.InterfaceEndpoints.Length > 0)
        {
            Hourly("network", "interface endpoints", "vpc-endpoint.interface.hour", plan.Network.InterfaceEndpoints.Length * plan.Network.AvailabilityZones.Length, "one ENI per endpoint per AZ");
        }

        foreach (var service in plan.Compute.Services.Where(s => !OnWorkers(plan, s)))
        {
            FargateService(plan, service, items);
        }

        if (plan.Compute.Workers is { } workers)
        {
            var type = workers.InstanceTypes[0];
            Hourly("compute", $"worker instances ({type})", $"ec2.{type}.hour", workers.MinSize, "minimum size, on demand (the on-demand base covers it)");
            Monthly("compute", "worker root volumes (gp3)", "ebs.gp3.gb-month", workers.MinSize * WorkerRootVolumeGb,
                string.Create(CultureInfo.InvariantCulture, $"{workers.MinSize} instance(s) x {WorkerRootVolumeGb} GiB, the ECS-optimized AMI's root volume"));
        }

        Hourly("ingress", "application load balancer", "alb.hour", 1, "hourly charge; LCUs are usage-priced");

        var rds = plan.Data.Rds;
        var azFactor = rds.MultiAz ? 2 : 1;
        Hourly("data", $"PostgreSQL primary ({rds.InstanceClass})", $"rds.{rds.InstanceClass}.hour", azFactor, rds.MultiAz ? "Multi-AZ: standby billed as a second instance" : "single-AZ");
        if (rds.Replicas.Length > 0)
        {
            Hourly("data", $"PostgreSQL read replicas ({rds.InstanceClass})", $"rds.{rds.InstanceClass}.hour", rds.Replicas.Length, "single-AZ replicas");
        }

        Monthly("data", "PostgreSQL gp3 storage", "rds.gp3.gb-month", rds.AllocatedStorageGb * (azFactor + rds.Replicas.Length), "allocated GiB on the primary (twice when Multi-AZ) and each replica");
        if (plan.Data.Standby is { } standby)
        {
            Hourly("data", $"PostgreSQL cross-Region standby of {standby.SourceStack} ({standby.InstanceClass})", $"rds.{standby.InstanceClass}.hour", 1, "single-AZ replica of the partner's primary, promoted when its region is lost");
            Monthly("data", "PostgreSQL standby gp3 storage", "rds.gp3.gb-month", standby.AllocatedStorageGb, "the partner primary's allocated GiB");
            Usage("data", "PostgreSQL cross-Region replication", "inter-region transfer of the partner's WAL and replicated backups, backup storage beyond the free allowance");
        }

        // RDS Proxy is billed per vCPU-hour of the instance it fronts, at least two (aws.amazon.com/rds/proxy/pricing).
        if (plan.Data.Proxy is { } proxy)
        {
            var vcpus = Data.RdsInstanceVcpus.ProxyBilledVcpus(rds.InstanceClass);
            Hourly("data", $"RDS Proxy ({proxy.Name}) in front of {rds.InstanceClass}", "rds.proxy.vcpu-hour", vcpus,
                string.Create(CultureInfo.InvariantCulture, $"{vcpus} vCPU-hours an hour: the primary's vCPUs, at least {Data.RdsInstanceVcpus.ProxyMinimumVcpus}"));
        }

        var redis = plan.Data.Redis;
        Hourly("data", $"Redis nodes ({redis.NodeType})", $"elasticache.{redis.NodeType}.hour", redis.NodeCount, string.Create(CultureInfo.InvariantCulture, $"{redis.Shards} shard(s) x {1 + redis.ReplicasPerShard} node(s)"));
        Monthly("data", "KMS keys", "kms.key-month", 2, "PostgreSQL and DynamoDB customer-managed keys");
        var generated = 2 + (plan.Ingress.OriginVerification.OwnedHere ? 1 : 0);
        Monthly("data", "Secrets Manager secrets", "secretsmanager.secret-month", generated + plan.Compute.Services.Sum(s => s.SecretNames.Length),
            plan.Ingress.OriginVerification.OwnedHere
                ? "PostgreSQL master password, Redis AUTH token, origin header and service secrets"
                : "PostgreSQL master password, Redis AUTH token and service secrets");

        Usage("messaging", "SQS, SNS and EventBridge", "per request and per event");
        Usage("workflow", "Lambda", "per request and GB-second");
        Monthly("observability", "CloudWatch alarms", "cloudwatch.alarm-month", plan.Observability.Alarms.Length, "standard-resolution alarms");
        Monthly("observability", "CloudWatch dashboard", "cloudwatch.dashboard-month", 1, "beyond the free three per account");
        if (plan.Compute.ContainerInsights)
        {
            var metrics = ContainerInsightsMetrics(plan.Compute.Services.Length);
            Monthly("observability", "Container Insights metrics", "cloudwatch.metric-month", metrics,
                string.Create(CultureInfo.InvariantCulture, $"custom metrics: {ClusterMetrics} for the cluster, {ServiceMetrics} per service and {TaskFamilyMetrics} per task family, {plan.Compute.Services.Length} services"));
        }

        if (plan.Edge is { } edge)
        {
            Hourly("edge", "Global Accelerator", "globalaccelerator.hour", 1, "fixed fee; premium data transfer is usage-priced");
            Monthly("edge", "WAF web ACL", "waf.webacl-month", 1, "plus requests inspected, usage-priced");
            Monthly("edge", "WAF rules", "waf.rule-month", 1, "the rate-based rule");
            Monthly("edge", "Route 53 hosted zone", "route53.zone-month", 1, edge.HostedZone);
        }

        UsageItems(plan, usage, items);
        var estimate = new CostEstimate(plan.Stack, region, prices.Source, prices.AsOf, items.ToImmutable()) { Usage = usage };
        return estimate with { SavingsPlans = SavingsPlans(plan, estimate) };
    }

    private static bool OnWorkers(RegionalPlan plan, ServicePlan service) =>
        plan.Compute.Workers is { } w && service.CapacityProviders.Any(c => c.Provider == w.CapacityProviderName);

    private void FargateService(RegionalPlan plan, ServicePlan service, ImmutableArray<CostItem>.Builder items)
    {
        var arch = service.Architecture.Name();
        string[] skus = [$"fargate.vcpu-hour.{arch}", $"fargate.gb-hour.{arch}", "fargate.spot-factor"];
        var found = skus.Select(sku => prices.Find(plan.Region, sku)).ToArray();
        var missing = skus.Where((_, i) => found[i] is null).ToImmutableArray();
        var perTask = (found[0] ?? 0m) * service.Cpu / 1024m + (found[1] ?? 0m) * service.MemoryMb / 1024m;
        var tasks = service.Scaling.Desired;
        var onDemand = OnDemandTasks(service, tasks);
        var spotFactor = found[2] ?? 0m;
        var hourly = perTask * (onDemand + (tasks - onDemand) * spotFactor);
        var note = string.Create(CultureInfo.InvariantCulture, $"{tasks} desired task(s), {onDemand} on demand, the rest on Spot at {spotFactor:P0} of the price");
        items.Add(new CostItem(
            "compute",
            $"{service.LogicalName} ({service.Cpu} CPU units, {service.MemoryMb} MiB, {arch})",
            skus[0],
            tasks,
            Round(hourly),
            Round(hourly * prices.HoursPerMonth),
            missing.IsEmpty ? note : $"{note}; no {plan.Region} price for {string.Join(", ", missing)}, counted as zero")
        {
            MissingPrices = missing,
        });
    }

    private static string Unknown(string note, decimal? price, string sku) => price is null ? $"{note}; no price for {sku} in this region, counted as zero" : note;

    private static ImmutableArray<string> Missing(decimal? price, string sku) => price is null ? [sku] : [];

    /// <summary>How many of <paramref name="tasks"/> the capacity provider strategy places on demand.</summary>
    public static decimal OnDemandTasks(ServicePlan service, int tasks)
    {
        ArgumentNullException.ThrowIfNull(service);
        var fargate = service.CapacityProviders.FirstOrDefault(c => c.Provider == ComputePlanner.Fargate);
        if (fargate is null)
        {
            return 0;
        }

        var totalWeight = service.CapacityProviders.Sum(c => c.Weight);
        var baseTasks = Math.Min(tasks, fargate.Base);
        return baseTasks + (tasks - baseTasks) * (decimal)fargate.Weight / totalWeight;
    }

    private static decimal Round(decimal usd) => Math.Round(usd, 4, MidpointRounding.AwayFromZero);
}
