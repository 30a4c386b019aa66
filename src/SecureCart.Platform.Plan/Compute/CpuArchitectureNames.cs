namespace SecureCart.Platform.Plan.Compute;

/// <summary>
/// Every spelling of a <see cref="CpuArchitecture"/> the platform meets, in one place: the stack file, Lambda, the
/// price file and the ECS-optimised AMI path say <c>arm64</c>/<c>x86_64</c>; ECS task definitions say
/// <c>ARM64</c>/<c>X86_64</c> (runtimePlatform.cpuArchitecture).
/// </summary>
public static class CpuArchitectureNames
{
    /// <summary>The stack-file value, Lambda's architecture and the price-file suffix: <c>arm64</c> or <c>x86_64</c>.</summary>
    public static string Name(this CpuArchitecture architecture) => architecture switch
    {
        CpuArchitecture.Arm64 => "arm64",
        CpuArchitecture.X64 => "x86_64",
        _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, null),
    };

    /// <summary>ECS's name in a task definition's runtime platform: <c>ARM64</c> or <c>X86_64</c>.</summary>
    public static string EcsName(this CpuArchitecture architecture) => architecture.Name().ToUpperInvariant();

    /// <summary>The SSM parameter holding the current ECS-optimised Amazon Linux 2023 AMI for the architecture.</summary>
    public static string EcsOptimizedAmiParameter(this CpuArchitecture architecture) => architecture == CpuArchitecture.Arm64
        ? "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id"
        : "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";

    /// <summary>Reads a stack-file value (<c>arm64</c> or <c>x86_64</c>); the schema has already rejected anything else.</summary>
    public static CpuArchitecture Parse(string name) => name switch
    {
        "arm64" => CpuArchitecture.Arm64,
        "x86_64" => CpuArchitecture.X64,
        _ => throw new ArgumentException($"'{name}' is not arm64 or x86_64", nameof(name)),
    };

    /// <summary>Every architecture's stack-file value, for the schema's check.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<CpuArchitecture>().Select(Name)];
}
