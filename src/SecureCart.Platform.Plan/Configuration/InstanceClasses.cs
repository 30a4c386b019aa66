using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Plan.Configuration;

/// <summary>
/// The instance classes the plan accepts. Each has a price for every region in Cost/prices.json
/// (a test holds the two together), so a stack never plans something it cannot cost.
/// </summary>
public static class InstanceClasses
{
    public static IReadOnlyList<string> Rds { get; } =
    [
        "db.t4g.micro", "db.t4g.medium",
        "db.r6g.large", "db.r6g.xlarge", "db.r6g.2xlarge",
        "db.r7g.large", "db.r7g.xlarge", "db.r7g.2xlarge",
    ];

    public static IReadOnlyList<string> Redis { get; } =
    [
        "cache.t4g.micro", "cache.t4g.small", "cache.t4g.medium",
        "cache.r6g.large", "cache.r7g.large", "cache.r7g.xlarge",
    ];

    /// <summary>Worker EC2 types by architecture, in the mixed-instances policy's order of preference.</summary>
    public static IReadOnlyList<string> Workers(CpuArchitecture architecture) => architecture == CpuArchitecture.X64
        ? ["c7i.large", "c6i.large", "m7i.large"]
        : ["c7g.large", "c6g.large", "m7g.large"];
}
