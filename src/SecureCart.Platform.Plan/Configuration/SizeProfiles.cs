using System.Collections.Frozen;

namespace SecureCart.Platform.Plan.Configuration;

/// <summary>
/// Values a size profile supplies for keys the stack file leaves unset. They win over Pulumi.yaml's
/// defaults (which describe production), so <c>profile: preview</c> alone yields a small stack.
/// </summary>
public static class SizeProfiles
{
    public static IReadOnlyList<string> Names { get; } = ["production", "preview"];

    public static SizeProfile Parse(string name) => name switch
    {
        "production" => SizeProfile.Production,
        "preview" => SizeProfile.Preview,
        _ => throw new ArgumentException($"Unknown size profile '{name}'; use one of: {string.Join(", ", Names)}", nameof(name)),
    };

    public static string Name(SizeProfile profile) => profile switch
    {
        SizeProfile.Production => "production",
        SizeProfile.Preview => "preview",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };

    /// <summary>Preview: one small task per service, a single NAT, burstable data nodes, no replicas.</summary>
    public static FrozenDictionary<string, object> PreviewDefaults { get; } = new Dictionary<string, object>
    {
        ["natStrategy"] = "single",
        ["tasksMin"] = 1L,
        ["tasksDesired"] = 1L,
        ["tasksMax"] = 2L,
        ["peakMinTasksMultiplier"] = 1L,
        ["workerSpotPercent"] = 100L,
        ["rdsInstanceClass"] = "db.t4g.medium",
        ["rdsReadReplicas"] = 0L,
        ["rdsBackupRetentionDays"] = 1L,
        ["rdsStorageGb"] = 20L,
        ["redisNodeType"] = "cache.t4g.small",
        ["redisShards"] = 1L,
        ["redisReplicasPerShard"] = 0L,
        ["apiRateLimit"] = 50L,
        ["apiBurstLimit"] = 100L,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, object> DefaultsFor(SizeProfile profile) =>
        profile == SizeProfile.Preview ? PreviewDefaults : FrozenDictionary<string, object>.Empty;
}
