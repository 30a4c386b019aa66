using System.Collections.Immutable;
using System.Globalization;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Naming;

namespace SecureCart.Platform.Plan.Compute;

/// <summary>Sizes every service of the catalogue for a stack, and the worker capacity.</summary>
public static class ComputePlanner
{
    public const int ServicePort = 8080;
    public const string HealthCheckPath = "/healthz";
    public const string Fargate = "FARGATE";
    public const string FargateSpot = "FARGATE_SPOT";

    public static ComputePlan Plan(StackSettings stack, ResourceNames names, PriceBook? prices = null)
    {
        prices ??= PriceBook.Default;
        var workers = stack.Profile == SizeProfile.Production ? Workers(stack, names) : null;
        var priority = 10;
        var services = ServiceCatalog.Services
            .Select(d => Service(d, stack, names, workers, d.PathPattern is null ? 0 : priority += 10, prices))
            .ToImmutableArray();
        return new ComputePlan(
            names.Physical("cluster"),
            ContainerInsights: stack.Profile == SizeProfile.Production,
            ServiceConnectNamespace: $"{names.Stack}.securecart.internal",
            services,
            workers,
            TracingSidecar: "public.ecr.aws/xray/aws-xray-daemon:3.3.14",
            // The daemon buffers and forwards segments about once a second: AWS sizes it at 32 CPU units and 256 MiB soft. Every
            // request is traced, but a task sees tens of requests a second of a few KB of segments each, so 64 MiB holds minutes.
            TracingSidecarCpu: 32,
            TracingSidecarMemoryMb: 64);
    }

    private static ServicePlan Service(ServiceDefinition d, StackSettings stack, ResourceNames names, WorkerCapacityPlan? workers, int priority, PriceBook prices)
    {
        var preview = stack.Profile == SizeProfile.Preview;
        var scaling = Scaling(d, stack, names);
        var (cpu, memory) = preview ? (256, 512) : (d.Cpu, d.MemoryMb);
        // A worker that must not run on Spot stays off the worker group whenever that group buys Spot above its base.
        var onWorkers = !preview && d.Kind == ServiceKind.Worker && workers is not null && (d.SpotPercent > 0 || workers.OnDemandPercentAboveBase == 100);
        // Previews put everything on Spot; production keeps the minimum on demand and offers Spot the service's share above it.
        var (spotBase, spotPercent) = preview ? (0, 100) : (scaling.Min, onWorkers ? 0 : d.SpotPercent);
        var architecture = onWorkers
            ? stack.CpuArchitecture
            : CapacityChoice.Choose(stack.CpuArchitecture, cpu, memory, scaling.Desired, spotBase, spotPercent, stack.Region, prices);
        return new ServicePlan(
            d.Name,
            names.Physical(d.Name),
            d.Kind,
            cpu,
            memory,
            architecture,
            ServicePort,
            HealthCheckPath,
            d.PathPattern,
            priority,
            scaling,
            CapacityProviders(d, scaling.Min, preview, onWorkers ? workers : null, architecture),
            d.Name == "payments" ? [.. stack.SecretKeys.Where(k => k == "paymentsApiKey")] : [],
            names.Physical(d.Name, ResourceNames.LoadBalancerNameLimit),
            // .NET services warm up (JIT, connection pools) in well under a minute; the ALB must not kill them first.
            d.Kind == ServiceKind.Public ? 60 : null,
            [.. d.Access]);
    }

    private static ScalingPlan Scaling(ServiceDefinition d, StackSettings stack, ResourceNames names)
    {
        // Previews run one task per service whatever its weight: they serve one developer, not the world.
        var weight = stack.Profile == SizeProfile.Preview ? 1.0 : d.Weight;
        int Scale(int n) => Math.Max(1, (int)Math.Ceiling(n * weight));
        var (min, desired, max) = (Scale(stack.Tasks.Min), Scale(stack.Tasks.Desired), Scale(stack.Tasks.Max));
        var tracking = ImmutableArray.CreateBuilder<TargetTrackingPlan>();
        if (d.Backlog is { } backlog && stack.Profile == SizeProfile.Production)
        {
            // A queue worker's CPU says little about how far behind it is; its backlog per task says exactly that.
            // Running tasks come from Container Insights, which production clusters enable.
            tracking.Add(new("backlog", TargetTrackingPlan.BacklogPerTask, backlog.MessagesPerTask, 60, 300, backlog.Queue, names.Physical(backlog.Queue)));
        }
        else
        {
            tracking.Add(new("cpu", "ECSServiceAverageCPUUtilization", d.Kind == ServiceKind.Worker ? 60 : 55, 60, 300));
        }

        if (d.Name == "storefront")
        {
            // Requests per target react faster than CPU to a flash-sale spike on the page most people hit first.
            tracking.Add(new("requests", "ALBRequestCountPerTarget", 800, 60, 300));
        }

        var peakMin = Math.Min(max, min * stack.Peak.MinTasksMultiplier);
        ImmutableArray<ScheduledScalingPlan> scheduled = stack.Peak.MinTasksMultiplier > 1
            ? [Scheduled("peak-start", stack.Peak.Start, stack.Peak.Yearly, peakMin, max), Scheduled("peak-end", stack.Peak.End, stack.Peak.Yearly, min, max)]
            : [];
        return new ScalingPlan(min, desired, max, tracking.ToImmutable(), scheduled);
    }

    private static ImmutableArray<CapacityProviderShare> CapacityProviders(ServiceDefinition d, int min, bool preview, WorkerCapacityPlan? workers, CpuArchitecture architecture)
    {
        if (workers is not null)
        {
            return [new(workers.CapacityProviderName, 0, 1)];
        }

        var spot = CapacityChoice.Supports(FargateSpot, architecture);
        if (preview)
        {
            // Previews tolerate interruptions and Spot costs about a third, but only X86_64 tasks run there.
            return spot ? [new(FargateSpot, 0, 1)] : [new(Fargate, 0, 1)];
        }

        // The minimum always runs on demand, so a Spot reclaim never drops a service below its floor.
        return d.SpotPercent == 0 || !spot
            ? [new(Fargate, min, 1)]
            : [new(Fargate, min, 100 - d.SpotPercent), new(FargateSpot, 0, d.SpotPercent)];
    }

    private static WorkerCapacityPlan Workers(StackSettings stack, ResourceNames names)
    {
        var ami = stack.CpuArchitecture.EcsOptimizedAmiParameter();
        var baseCapacity = NetworkZones;
        return new WorkerCapacityPlan(
            names.Physical("workers-cp"),
            names.Physical("workers-asg"),
            names.Physical("workers-lt"),
            ami,
            [.. InstanceClasses.Workers(stack.CpuArchitecture)],
            MinSize: baseCapacity,
            MaxSize: Math.Max(baseCapacity, stack.Tasks.Max),
            OnDemandBaseCapacity: baseCapacity,
            OnDemandPercentAboveBase: 100 - stack.WorkerSpotPercent,
            SpotAllocationStrategy: "price-capacity-optimized",
            ManagedScalingTargetCapacity: 90);
    }

    // One on-demand worker per AZ keeps the queues drained through a Spot reclaim in any one zone.
    private const int NetworkZones = 3;

    // Yearly: minute, hour, day of month and month fixed, any year (Application Auto Scaling cron has six fields, UTC by default).
    private static ScheduledScalingPlan Scheduled(string name, DateTimeOffset instant, bool yearly, int min, int max)
    {
        var utc = instant.UtcDateTime;
        return yearly
            ? new(name, string.Create(CultureInfo.InvariantCulture, $"cron({utc.Minute} {utc.Hour} {utc.Day} {utc.Month} ? *)"), min, max)
            : new(name, "at(" + utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + ")", min, max, instant);
    }
}
