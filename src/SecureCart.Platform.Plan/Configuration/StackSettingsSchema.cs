using System.Collections.Frozen;
using System.Globalization;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Naming;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Configuration;

/// <summary>Every <c>securecart:</c> key the plan knows, with its type, range and allowed values.</summary>
public static class StackSettingsSchema
{
    public const string ProjectName = "securecart";

    public static IReadOnlyList<ConfigKeyDefinition> Keys { get; } =
    [
        new("home", ConfigValueType.Boolean, "This stack owns the global singletons (accelerator, CloudFront, DNS, global tables).", PerStack: true),
        new("profile", ConfigValueType.Text, "Size profile: production or preview.", Check: OneOf(SizeProfiles.Names)),
        new("vpcCidr", ConfigValueType.Text, "The stack's VPC range, a private IPv4 /16 to /20 that no other stack uses.", PerStack: true, Required: true, Check: CheckVpcCidr),
        new("domain", ConfigValueType.Text, "Public DNS domain of the shop (its Route 53 hosted zone).", Check: CheckDomain),
        new("trafficDial", ConfigValueType.WholeNumber, "Percent of the traffic routed to this region that it serves (Global Accelerator traffic dial).", PerStack: true, Check: Range(0, 100),
            DeployedAs: [new("aws:globalaccelerator/endpointGroup:EndpointGroup", "trafficDialPercentage")]),
        new("natStrategy", ConfigValueType.Text, "NAT gateways: per-az (one per AZ) or single.", Check: OneOf(["per-az", "single"])),
        new("cpuArchitecture", ConfigValueType.Text, "CPU architecture of tasks and workers: arm64 (Graviton) or x86_64.", Check: OneOf(CpuArchitectureNames.Names)),
        new("tasksMin", ConfigValueType.WholeNumber, "Minimum tasks of a weight-1 service (each service scales it by its weight).", Check: Range(1, 100)),
        new("tasksDesired", ConfigValueType.WholeNumber, "Initial tasks of a weight-1 service.", Check: Range(1, 500)),
        new("tasksMax", ConfigValueType.WholeNumber, "Maximum tasks of a weight-1 service.", Check: Range(1, 1000)),
        new("peakWindowStart", ConfigValueType.Text, "Start of the peak (Black Friday) scaling window, UTC ISO-8601.", Check: CheckInstant),
        new("peakWindowEnd", ConfigValueType.Text, "End of the peak scaling window, UTC ISO-8601.", Check: CheckInstant),
        new("peakWindowRepeat", ConfigValueType.Text, "once: the window runs at its dates only; yearly: it repeats every year on the same dates and times.", Check: OneOf(["once", "yearly"])),
        new("peakMinTasksMultiplier", ConfigValueType.WholeNumber, "Minimum tasks are multiplied by this during the peak window.", Check: Range(1, 20)),
        new("workerSpotPercent", ConfigValueType.WholeNumber, "Percent of worker EC2 capacity above the on-demand base bought as Spot.", Check: Range(0, 100)),
        new("rdsInstanceClass", ConfigValueType.Text, "RDS PostgreSQL instance class.", Check: OneOf(InstanceClasses.Rds)),
        new("rdsReadReplicas", ConfigValueType.WholeNumber, "Read replicas of the primary (RDS PostgreSQL allows at most 15).", Check: Range(0, 15)),
        new("rdsBackupRetentionDays", ConfigValueType.WholeNumber, "Automated backup retention in days (RDS allows 1 to 35).", Check: Range(1, 35)),
        new("rdsStorageGb", ConfigValueType.WholeNumber, "Allocated gp3 storage in GiB (gp3 for PostgreSQL needs 20 to 65536).", Check: Range(20, 65536)),
        new("redisNodeType", ConfigValueType.Text, "ElastiCache node type.", Check: OneOf(InstanceClasses.Redis)),
        new("redisShards", ConfigValueType.WholeNumber, "Redis cluster shards (node groups).", Check: Range(1, 500)),
        new("redisReplicasPerShard", ConfigValueType.WholeNumber, "Replicas per Redis shard (ElastiCache allows 0 to 5).", Check: Range(0, 5)),
        new("apiRateLimit", ConfigValueType.WholeNumber, "API Gateway steady-state requests per second for the public API.", Check: Range(1, 10000)),
        new("apiBurstLimit", ConfigValueType.WholeNumber, "API Gateway burst (token bucket size) for the public API.", Check: Range(1, 5000)),
        new("wafRateLimit", ConfigValueType.WholeNumber, "Requests per 5 minutes per client IP before the WAF blocks (AWS allows 10 to 2,000,000,000).", Check: Range(10, 2_000_000_000)),
        new("wafBotControl", ConfigValueType.Boolean, "Add AWS WAF Bot Control (common level) to the web ACL; priced per request inspected, so off unless bots are a problem."),
        new("functionsRelease", ConfigValueType.Text, "Release of the function packages to run (S3 key functions/<release>/<function>.zip); the release pipeline sets it.", Check: CheckRelease),
        new("alarmEmail", ConfigValueType.Text, "Address subscribed to the alarm topic; empty for none.", Check: CheckEmail),
        new("paymentsApiKey", ConfigValueType.Text, "Payment provider API key, injected into the payments service as a secret.", Secret: true),
        new("auditTrail", ConfigValueType.Text, "stack: the home stack creates a multi-Region CloudTrail trail with log file validation; organization: an AWS Organizations trail already records this account.", Check: OneOf(["stack", "organization"])),
        new("pagerEndpoint", ConfigValueType.Text, "HTTPS URL of the pager's CloudWatch/SNS integration (it embeds the integration key), subscribed to the alarm topic.", Secret: true),
    ];

    /// <summary>Every resource input that carries a declared per-stack setting.</summary>
    public static IReadOnlyList<DeployedProperty> PerStackProperties { get; } =
        [.. Keys.Where(k => k.PerStack).SelectMany(k => k.DeployedAs ?? [])];

    public static FrozenDictionary<string, ConfigKeyDefinition> ByName { get; } =
        Keys.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);

    private static Func<object, string?> Range(long min, long max) => value =>
        value is long n && (n < min || n > max)
            ? string.Create(CultureInfo.InvariantCulture, $"{n} is out of range; use a whole number from {min} to {max}")
            : null;

    private static Func<object, string?> OneOf(IReadOnlyCollection<string> allowed) => value =>
        value is string s && !allowed.Contains(s, StringComparer.Ordinal)
            ? $"'{s}' is not allowed; use one of: {string.Join(", ", allowed)}"
            : null;

    private static string? CheckVpcCidr(object value) => value is string s ? Ipv4Cidr.ValidateVpc(s) : null;

    private static string? CheckInstant(object value) =>
        value is string s && !DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
            ? $"'{s}' is not a date and time; write it as ISO-8601 UTC, e.g. 2026-11-26T00:00:00Z"
            : null;

    private static string? CheckRelease(object value) =>
        value is string s && (s.Length is 0 or > 64 || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            ? $"'{s}' is not a release name; use 1 to 64 letters, digits, dots, hyphens or underscores, e.g. 2026.11.30-1"
            : null;

    private static string? CheckDomain(object value) =>
        value is string s && !DnsName.IsValidDomain(s)
            ? $"'{s}' is not a DNS domain; use lower-case labels of letters, digits and hyphens separated by dots, e.g. shop.example.com"
            : null;

    private static string? CheckEmail(object value) =>
        value is string s && s.Length > 0 && (s.IndexOf('@', StringComparison.Ordinal) <= 0 || s.EndsWith('@'))
            ? $"'{s}' is not an e-mail address; use name@example.com or leave it empty"
            : null;
}
