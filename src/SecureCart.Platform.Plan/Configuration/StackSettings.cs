using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Configuration;

/// <summary>One stack's validated configuration: Pulumi.yaml defaults, size profile and stack file merged.</summary>
public sealed record StackSettings
{
    public required string StackName { get; init; }
    public required string Region { get; init; }
    public required bool IsHome { get; init; }
    public required SizeProfile Profile { get; init; }
    public required Ipv4Cidr VpcCidr { get; init; }
    public required string Domain { get; init; }
    public required int TrafficDial { get; init; }
    public required NatStrategy NatStrategy { get; init; }
    public required CpuArchitecture CpuArchitecture { get; init; }
    public required TaskCounts Tasks { get; init; }
    public required PeakWindow Peak { get; init; }
    public required int WorkerSpotPercent { get; init; }
    public required RdsSettings Rds { get; init; }
    public required RedisSettings Redis { get; init; }
    public required ApiThrottleSettings Api { get; init; }
    public required int WafRateLimit { get; init; }

    /// <summary>True to add the Bot Control managed rule group to the web ACL (priced per request).</summary>
    public bool WafBotControl { get; init; }
    public required string AlarmEmail { get; init; }

    /// <summary>Stack: the home stack creates the account's multi-Region trail; Organization: an organisation trail already records the account.</summary>
    public Audit.AuditTrailMode AuditTrail { get; init; } = Audit.AuditTrailMode.Stack;

    /// <summary>Release of the function packages: part of their S3 key, so a new release is new code for Lambda.</summary>
    public required string FunctionsRelease { get; init; }

    /// <summary>Names of the secret keys this stack sets; their values never leave the stack file.</summary>
    public required IReadOnlyList<string> SecretKeys { get; init; }
}
