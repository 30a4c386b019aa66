using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Compute;

/// <summary>One ECS service of a stack, fully sized.</summary>
/// <param name="LogicalName">Region-neutral name, also the container name and Service Connect name.</param>
/// <param name="CapacityProviders">Ordered strategy: provider name, base and weight.</param>
/// <param name="SecretNames">Config secrets injected into the task (as Secrets Manager references).</param>
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
    ImmutableArray<string> SecretNames)
{
    /// <summary>Fargate platform name of the architecture (runtimePlatform.cpuArchitecture).</summary>
    public string RuntimeArchitecture => Architecture == CpuArchitecture.Arm64 ? "ARM64" : "X86_64";

    public bool OnAlb => Kind == ServiceKind.Public;
}
