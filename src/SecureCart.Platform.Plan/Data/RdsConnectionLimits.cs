using System.Collections.Frozen;

namespace SecureCart.Platform.Plan.Data;

/// <summary>
/// RDS for PostgreSQL's default <c>max_connections</c>: <c>LEAST({DBInstanceClassMemory/9531392}, 5000)</c>
/// (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html#RDS_Limits.MaxConnections).
/// DBInstanceClassMemory is the class's memory less what the OS and RDS keep; the plan counts 90 % of the nominal
/// memory, so the figure errs low.
/// </summary>
public static class RdsConnectionLimits
{
    private const long BytesPerConnection = 9_531_392;

    private const double UsableMemoryShare = 0.9;

    /// <summary>Nominal memory (GiB) of each class <see cref="Configuration.InstanceClasses.Rds"/> accepts (a test holds the two together).</summary>
    public static FrozenDictionary<string, int> MemoryGib { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["db.t4g.micro"] = 1,
        ["db.t4g.medium"] = 4,
        ["db.r6g.large"] = 16,
        ["db.r6g.xlarge"] = 32,
        ["db.r6g.2xlarge"] = 64,
        ["db.r7g.large"] = 16,
        ["db.r7g.xlarge"] = 32,
        ["db.r7g.2xlarge"] = 64,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static int MaxConnections(string instanceClass)
    {
        if (!MemoryGib.TryGetValue(instanceClass, out var gib))
        {
            throw new ArgumentException($"No memory size is known for RDS class '{instanceClass}'; add it to {nameof(RdsConnectionLimits)}.", nameof(instanceClass));
        }

        var usable = (long)(gib * 1024L * 1024 * 1024 * UsableMemoryShare);
        return (int)Math.Min(usable / BytesPerConnection, 5000);
    }
}
