using System.Globalization;
using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Plan.Constraints;

/// <summary>
/// The AWS rules the cross-Region copies, RDS Proxy and the static origin group must keep; part of <see cref="AwsRules.All"/>.
/// </summary>
public static class DataRecoveryRules
{
    public static AwsRule ReplicaSourceBackups { get; } = new(
        "rds-replica-source-has-backups",
        "Every read replica's source keeps automated backups (retention above 0), the in-region replicas' and the cross-Region standby's alike.",
        new("https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.Create.html",
            "Before a DB instance can serve as a source DB instance, you must enable automatic backups on the source DB instance."),
        c => c.Plans.SelectMany(p =>
        {
            var faults = new List<string>();
            if (p.Data.Rds.Replicas.Length > 0 && p.Data.Rds.BackupRetentionDays == 0)
            {
                faults.Add($"{p.Stack}: {p.Data.Rds.Identifier} has read replicas but keeps no automated backups");
            }

            if (p.Data.Standby is { } standby)
            {
                var retention = c.Plans.FirstOrDefault(q => q.Stack == standby.SourceStack)?.Data.Rds.BackupRetentionDays ?? standby.SourceBackupRetentionDays;
                if (retention == 0)
                {
                    faults.Add($"{p.Stack}: the standby replicates {standby.SourceIdentifier}, which keeps no automated backups");
                }
            }

            return faults;
        }));

    public static AwsRule ProxyReaderNeedsAurora { get; } = new(
        "rds-proxy-read-only-endpoint-aurora-only",
        "An RDS Proxy read-only endpoint targets an Aurora cluster; a proxy in front of an RDS instance has none (its readers use the replicas directly).",
        new("https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy-endpoints.html",
            "Requests also fail if the target of the proxy is an RDS instance instead of an Aurora cluster."),
        c => c.Plans.Where(p => p.Data.Proxy?.ReadOnlyEndpoint is not null && !p.Data.Rds.Engine.StartsWith("aurora", StringComparison.Ordinal))
            .Select(p => $"{p.Stack}: {p.Data.Proxy!.Name} plans the read-only endpoint '{p.Data.Proxy.ReadOnlyEndpoint}' in front of the {p.Data.Rds.Engine} instance {p.Data.Rds.Identifier}"));

    public static AwsRule ProxyPoolLimits { get; } = new(
        "rds-proxy-connection-pool-limits",
        "The proxy's pool settings are within RDS's bounds: MaxConnectionsPercent 1-100, MaxIdleConnectionsPercent at most that, ConnectionBorrowTimeout 0-3600 s.",
        new("https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ConnectionPoolConfiguration.html",
            "MaxIdleConnectionsPercent: Must be between 0 and the value of MaxConnectionsPercent."),
        c => c.Plans.Where(p => p.Data.Proxy is { } x && (x.MaxConnectionsPercent is < 1 or > 100 || x.MaxIdleConnectionsPercent < 0
                || x.MaxIdleConnectionsPercent > x.MaxConnectionsPercent || x.ConnectionBorrowTimeoutSeconds is < 0 or > 3600))
            .Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{p.Stack}: {p.Data.Proxy!.Name} sets max {p.Data.Proxy.MaxConnectionsPercent} %, idle {p.Data.Proxy.MaxIdleConnectionsPercent} %, borrow timeout {p.Data.Proxy.ConnectionBorrowTimeoutSeconds} s")));

    public static AwsRule OriginGroupFailover { get; } = new(
        "cloudfront-origin-group-failover",
        "The static origin group fails over on status codes CloudFront accepts, behind a behaviour that allows only GET, HEAD and OPTIONS (CloudFront fails over for nothing else).",
        new("https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html",
            "CloudFront fails over to the secondary origin only when the HTTP method of the viewer request is GET, HEAD, or OPTIONS."),
        c => c.Plans.Where(p => p.Edge?.CloudFront.StaticReplication is not null).SelectMany(p =>
        {
            var group = p.Edge!.CloudFront.StaticReplication!;
            return group.FailoverStatusCodes.Where(code => !StaticReplicationPlan.AcceptedStatusCodes.Contains(code))
                .Select(code => string.Create(CultureInfo.InvariantCulture, $"{p.Stack}: {group.OriginGroupId} fails over on {code}, which CloudFront does not accept"))
                .Concat(group.AllowedMethods.Where(m => m is not ("GET" or "HEAD" or "OPTIONS"))
                    .Select(m => $"{p.Stack}: {group.OriginGroupId}'s behaviour allows {m}, which origin failover does not cover"))
                .Concat(group.FailoverStatusCodes.IsEmpty ? [$"{p.Stack}: {group.OriginGroupId} names no failover status code"] : []);
        }));

    public static AwsRule ReplicationVersioning { get; } = new(
        "s3-replication-needs-versioning",
        "A replicated bucket and its destination both have versioning enabled.",
        new("https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-requirements.html",
            "Both source and destination buckets must have S3 Versioning enabled."),
        c => c.Plans.Where(p => p.Edge?.CloudFront.StaticReplication is { } r && !(r.SourceVersioning && r.ReplicaVersioning))
            .Select(p => $"{p.Stack}: {p.Edge!.CloudFront.StaticBucketName} replicates to {p.Edge.CloudFront.StaticReplication!.ReplicaBucketName} without versioning on both"));

    public static IReadOnlyList<AwsRule> All { get; } = [ReplicaSourceBackups, ProxyReaderNeedsAurora, ProxyPoolLimits, OriginGroupFailover, ReplicationVersioning];
}
