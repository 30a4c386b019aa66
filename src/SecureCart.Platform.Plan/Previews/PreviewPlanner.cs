using System.Collections.Immutable;
using System.Globalization;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Data;
using SecureCart.Platform.Plan.Messaging;
using SecureCart.Platform.Plan.Naming;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Previews;

/// <summary>Plans a preview environment and prices it with the same model as production.</summary>
public static class PreviewPlanner
{
    /// <summary>The queues a preview owns: checkout's orders and the notifications it sends.</summary>
    private static readonly string[] s_previewQueues = ["orders", "notifications"];

    /// <summary>
    /// Environment names become part of target group names (32 characters at most):
    /// <c>pv-&lt;env&gt;-&lt;service&gt;</c> with the longest service (order-worker, 12) leaves 16.
    /// </summary>
    public const int MaxNameLength = 16;

    public static PreviewPlanResult Plan(string environment, string team, PreviewSize size, string imageTag, PreviewBase baseStack, PriceBook prices)
    {
        ArgumentNullException.ThrowIfNull(baseStack);
        ArgumentNullException.ThrowIfNull(prices);
        var reasons = new List<string>();
        if (!DnsName.IsValidLabel(environment ?? "") || environment!.Length > MaxNameLength)
        {
            reasons.Add($"name '{environment}' must be 1 to {MaxNameLength} lower-case letters, digits or inner hyphens (it becomes a DNS label and part of AWS names)");
        }

        if (!DnsName.IsValidLabel(team ?? ""))
        {
            reasons.Add($"team '{team}' must be a DNS label: lower-case letters, digits, inner hyphens");
        }

        if (string.IsNullOrWhiteSpace(imageTag) || imageTag.Length > 128 || imageTag.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
        {
            reasons.Add($"image tag '{imageTag}' must be 1 to 128 letters, digits, '.', '_' or '-' (an OCI tag or a git ref turned into one)");
        }

        if (reasons.Count > 0 || environment is null || team is null)
        {
            return new PreviewPlanResult.Rejected(reasons);
        }

        var names = new ResourceNames("pv", environment);
        var (cpu, memory) = size switch
        {
            PreviewSize.Medium => (512, 1024),
            PreviewSize.Large => (1024, 2048),
            _ => (256, 512),
        };
        // Previews run on Fargate Spot, which places X86_64 tasks only: the choice says whether Spot x86 beats ARM64 on demand.
        var architecture = CapacityChoice.Choose(baseStack.Architecture, cpu, memory, 1, 0, 100, baseStack.Region, prices);
        var arch = architecture.EcsName();
        var provider = CapacityChoice.Supports(ComputePlanner.FargateSpot, architecture) ? ComputePlanner.FargateSpot : ComputePlanner.Fargate;
        var services = ServiceCatalog.Services
            .Select(d => new PreviewServicePlan(
                d.Name,
                names.Physical(d.Name),
                names.Physical(d.Name, ResourceNames.LoadBalancerNameLimit),
                cpu,
                memory,
                arch,
                1,
                provider,
                ComputePlanner.ServicePort,
                ComputePlanner.HealthCheckPath,
                d.Kind == ServiceKind.Public ? d.PathPattern ?? "/*" : null,
                OwnedAccess(d.Access)))
            .ToImmutableArray();
        var tags = Tagging.For(names.Prefix, baseStack.Region, SizeProfile.Preview)
            .SetItem("securecart:team", team)
            .SetItem("securecart:preview", environment)
            .SetItem("securecart:base-stack", baseStack.StackName);
        var stackName = $"preview-{team}-{environment}";
        var plan = new PreviewEnvironmentPlan(
            environment,
            team,
            stackName,
            baseStack,
            size,
            imageTag,
            $"{environment}.preview.{baseStack.Domain}",
            services,
            PreviewDatabasePlan.For(team, environment, DataTier.PostgresPort),
            // Production's queue plans (dead-letter queue, receive count, retention) under the preview's names.
            Queues: [.. MessagingPlanner.Plan(names).Queues.Where(q => s_previewQueues.Contains(q.LogicalName))],
            TableNames: [.. TableDefinition.All.Select(t => names.Physical(t.LogicalName))],
            Tables: [.. TableDefinition.All.Select(t => new PreviewTablePlan(t.LogicalName, names.Physical(t.LogicalName), t.HashKey, t.RangeKey, t.TimeToLiveAttribute))],
            // Previews live for days: their logs need not outlive them.
            LogRetentionDays: 3,
            tags,
            Estimate(stackName, baseStack.Region, baseStack.Architecture, services, prices));
        return new PreviewPlanResult.Planned(plan);
    }

    /// <summary>
    /// The grants a preview task keeps: on its own queues and tables (same logical names as production's), the
    /// database (its own), and the shared Redis. Grants on what only production has are dropped, never widened.
    /// </summary>
    private static ImmutableArray<ServiceAccess> OwnedAccess(IReadOnlyList<ServiceAccess> access) =>
    [
        .. access.Where(a => a.Kind switch
        {
            AccessKind.TableRead or AccessKind.TableReadWrite => TableDefinition.All.Any(t => t.LogicalName == a.Resource),
            AccessKind.QueueSend or AccessKind.QueueConsume => s_previewQueues.Contains(a.Resource),
            AccessKind.PostgresConnect or AccessKind.RedisConnect => true,
            _ => false,
        }),
    ];

    private static CostEstimate Estimate(string stack, string region, CpuArchitecture architecture, ImmutableArray<PreviewServicePlan> services, PriceBook prices)
    {
        // The tasks' architecture is the capacity choice's, which may differ from the base stack's.
        var arch = services[0].RuntimeArchitecture == CpuArchitecture.Arm64.EcsName() ? CpuArchitecture.Arm64.Name() : CpuArchitecture.X64.Name();
        // A region the price file does not cover still plans: the items name the missing prices instead.
        string[] skus = [$"fargate.vcpu-hour.{arch}", $"fargate.gb-hour.{arch}", "fargate.spot-factor"];
        var found = skus.Select(sku => prices.Find(region, sku)).ToArray();
        ImmutableArray<string> missing = [.. skus.Where((_, i) => found[i] is null)];
        var items = services.Select(s =>
        {
            var spot = s.CapacityProvider == ComputePlanner.FargateSpot ? found[2] ?? 0m : 1m;
            var hourly = Math.Round(
                ((found[0] ?? 0m) * s.Cpu / 1024m + (found[1] ?? 0m) * s.MemoryMb / 1024m) * s.DesiredCount * spot,
                4,
                MidpointRounding.AwayFromZero);
            return new CostItem("compute", s.LogicalName, skus[0], s.DesiredCount, hourly, hourly * prices.HoursPerMonth,
                string.Create(CultureInfo.InvariantCulture, $"{s.DesiredCount} {(spot < 1m ? "Fargate Spot" : "on-demand Fargate")} task at {spot:P0} of the on-demand price"))
            {
                MissingPrices = missing,
            };
        }).ToList();
        items.Add(new CostItem("data", "queues and on-demand tables", "", 0, 0, 0, "usage-priced; the database lives in the shared base instance"));
        return new CostEstimate(stack, region, prices.Source, prices.AsOf, [.. items]);
    }
}
