using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Compute;

/// <summary>The ECS cluster, its services and the worker capacity (null in previews: workers use Fargate Spot).</summary>
public sealed record ComputePlan(
    string ClusterName,
    bool ContainerInsights,
    string ServiceConnectNamespace,
    ImmutableArray<ServicePlan> Services,
    WorkerCapacityPlan? Workers,
    string TracingSidecar,
    int TracingSidecarCpu,
    int TracingSidecarMemoryMb)
{
    /// <summary>The lowest task minimum any service of this plan has: a change below it loses the plan's redundancy.</summary>
    public int MinimumTaskFloor => Services.Min(s => s.Scaling.Min);
}
