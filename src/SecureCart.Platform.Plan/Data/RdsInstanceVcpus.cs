using System.Collections.Frozen;

namespace SecureCart.Platform.Plan.Data;

/// <summary>
/// vCPUs of each class <see cref="Configuration.InstanceClasses.Rds"/> accepts (a test holds the two together), as the
/// RDS user guide's hardware specifications list them
/// (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Summary.html). RDS Proxy is billed
/// per vCPU of the instance it fronts, so the cost model needs them.
/// </summary>
public static class RdsInstanceVcpus
{
    /// <summary>RDS Proxy bills a provisioned instance as at least two vCPUs.</summary>
    public const int ProxyMinimumVcpus = 2;

    public static FrozenDictionary<string, int> ByClass { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["db.t4g.micro"] = 2,
        ["db.t4g.medium"] = 2,
        ["db.r6g.large"] = 2,
        ["db.r6g.xlarge"] = 4,
        ["db.r6g.2xlarge"] = 8,
        ["db.r7g.large"] = 2,
        ["db.r7g.xlarge"] = 4,
        ["db.r7g.2xlarge"] = 8,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The vCPU-hours per hour a proxy in front of <paramref name="instanceClass"/> is billed for.</summary>
    public static int ProxyBilledVcpus(string instanceClass) => ByClass.TryGetValue(instanceClass, out var vcpus)
        ? Math.Max(vcpus, ProxyMinimumVcpus)
        : throw new ArgumentException($"No vCPU count is known for RDS class '{instanceClass}'; add it to {nameof(RdsInstanceVcpus)}.", nameof(instanceClass));
}
