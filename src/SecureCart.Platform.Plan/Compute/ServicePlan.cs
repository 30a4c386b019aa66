using System.Collections.Immutable;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Compute;

/// <summary>One ECS service of a stack, fully sized.</summary>
/// <param name="LogicalName">Region-neutral name, also the container name and Service Connect name.</param>
/// <param name="CapacityProviders">Ordered strategy: provider name, base and weight.</param>
/// <param name="SecretNames">Config secrets injected into the task (as Secrets Manager references).</param>
/// <param name="TargetGroupName">ALB target group name (32 characters at most), for services on the ALB.</param>
/// <param name="HealthCheckGracePeriodSeconds">Seconds ECS ignores load balancer health checks after a task starts; null for services without a load balancer (ECS rejects it there).</param>
/// <param name="Access">The plan resources its task role may use.</param>
public sealed record ServicePlan(
    string LogicalName,
    string Name,
    ServiceKind Kind,
    int Cpu,
    int MemoryMb,
    CpuArchitecture Architecture,
    int Port,
    string HealthCheckPath,
    string? PathPattern,
    int ListenerRulePriority,
    ScalingPlan Scaling,
    ImmutableArray<CapacityProviderShare> CapacityProviders,
    ImmutableArray<string> SecretNames,
    string TargetGroupName,
    int? HealthCheckGracePeriodSeconds,
    ImmutableArray<ServiceAccess> Access)
{
    /// <summary>Fargate platform name of the architecture (runtimePlatform.cpuArchitecture).</summary>
    public string RuntimeArchitecture => Architecture.EcsName();

    public bool OnAlb => Kind == ServiceKind.Public;

    /// <summary>The tiers its tasks join: the services tier, plus its own data-client group when its access names a store.</summary>
    public ImmutableArray<string> SecurityTiers => DataTier.Reaches(Access) ? ["services", DataTier.ClientTier(LogicalName)] : ["services"];
}
