using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Compute;

/// <summary>The ECS cluster, its services and the worker capacity (null in previews: workers use Fargate Spot).</summary>
public sealed record ComputePlan(
    string ClusterName,
    bool ContainerInsights,
    string ServiceConnectNamespace,
    ImmutableArray<ServicePlan> Services,
    WorkerCapacityPlan? Workers,
    string TracingSidecar);
