namespace SecureCart.Platform.Plan.Compute;

/// <summary>CPU architecture of tasks and worker instances.</summary>
public enum CpuArchitecture
{
    /// <summary>Graviton: about 20% cheaper per vCPU-hour on Fargate for the same work.</summary>
    Arm64,
    X64,
}
