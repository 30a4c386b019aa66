using System.Globalization;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Edge;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Constraints;

/// <summary>
/// AWS rules that compiling and mocking cannot see, each with the documentation sentence it encodes. A plan that
/// breaks one would fail at <c>pulumi up</c>, or deploy and silently not work; <c>securecart check</c> runs them all.
/// </summary>
public static class AwsRules
{
    public static AwsRule FargateSpotArchitecture { get; } = new(
        "fargate-spot-x86-only",
        "A service that places tasks on FARGATE_SPOT runs X86_64 tasks.",
        new("https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html",
            "Linux tasks with the ARM64 architecture don't support the Fargate Spot capacity provider."),
        c => c.Plans.SelectMany(p => p.Compute.Services
            .Where(s => s.CapacityProviders.Any(cp => !CapacityChoice.Supports(cp.Provider, s.Architecture)))
            .Select(s => $"{p.Stack}: {s.LogicalName} puts {s.RuntimeArchitecture} tasks on {ComputePlanner.FargateSpot}")));

    public static AwsRule ClientIpPreservation { get; } = new(
        "accelerator-preserves-client-ip",
        "When the accelerator preserves client addresses (always, for an internal ALB), the ALB's security group admits the public sources that reach it, not only the VPC.",
        new("https://docs.aws.amazon.com/global-accelerator/latest/dg/preserve-client-ip-address.how-to-enable-preservation.html",
            "Before you add and begin to route traffic to endpoints that preserve the client IP address, make sure that all your required security configurations, for example, security groups, are updated to include the user client IP address on allow lists."),
        c => c.Plans.Where(p => p.EndpointGroup.ClientIpPreservation).SelectMany(p =>
        {
            var alb = p.Network.SecurityTiers.Single(t => t.LogicalName == p.Ingress.LoadBalancer.LogicalName);
            var vpc = Ipv4Cidr.Parse(p.Network.Cidr);
            var https = alb.Ingress.Where(r => r.FromPort <= 443 && r.ToPort >= 443).ToList();
            var outside = https.Any(r => r.FromPrefixList is not null || (r.FromCidr is { } cidr && !vpc.Contains(Ipv4Cidr.Parse(cidr))));
            return outside ? [] : new[] { $"{p.Stack}: the {alb.LogicalName} group admits 443 only from inside the VPC, but the accelerator delivers requests from their public source addresses" };
        }));

    public static AwsRule ReplicaOfManagedPassword { get; } = new(
        "rds-replica-vs-managed-password",
        "An RDS instance with read replicas does not let RDS manage its master password in Secrets Manager.",
        new("https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html#rds-secrets-manager-limitations",
            "Creating a read replica when the source DB or DB cluster manages credentials with Secrets Manager. This applies to all DB engines except RDS for SQL Server."),
        c => c.Plans.Where(p => p.Data.Rds.ManageMasterPassword && p.Data.Rds.Replicas.Length > 0)
            .Select(p => $"{p.Stack}: {p.Data.Rds.Identifier} has {p.Data.Rds.Replicas.Length} read replica(s) and an RDS-managed master password"));

    public static AwsRule AlarmDimensions { get; } = new(
        "metric-dimensions-per-namespace",
        "Every alarm names a metric with the dimensions its namespace publishes it under (ElastiCache engine metrics: per node).",
        new("https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.html",
            "These metrics are measured and published for each Cache node in 60-second intervals."),
        c => c.Plans.SelectMany(p => p.Observability.Alarms.Select(a => (LogicalName: a.LogicalName, Namespace: a.Namespace, MetricName: a.MetricName, Keys: (IEnumerable<string>)a.Dimensions.Keys))
            .Concat<(string LogicalName, string Namespace, string MetricName, IEnumerable<string> Keys)>(p.Observability.MathAlarms.SelectMany(m => m.Queries.Where(q => q.IsMetric)
                .Select(q => ($"{m.LogicalName}/{q.Id}", q.Namespace!, q.MetricName!, (IEnumerable<string>)q.Dimensions!.Keys))))
            .Where(a => !MetricDimensions.Published.TryGetValue($"{a.Namespace} {a.MetricName}", out var sets)
                || !sets.Any(set => set.SequenceEqual(a.Keys, StringComparer.Ordinal)))
            .Select(a => $"{p.Stack}: alarm {a.LogicalName} watches {a.Namespace} {a.MetricName} by [{string.Join(", ", a.Keys)}], which is not published that way")));

    public static AwsRule AlarmRegion { get; } = new(
        "alarm-in-the-metrics-region",
        "An alarm on CloudFront or Global Accelerator metrics is created in the one Region that publishes them (us-east-1, us-west-2), with a topic of that Region to notify.",
        new("https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/monitoring-using-cloudwatch.html",
            "CloudFront is a global service, and metrics are available only when you choose the US East (N. Virginia) Region in the AWS console."),
        c => c.Plans.SelectMany(p => p.Observability.Alarms
            .Where(a => MetricDimensions.PublishedOnlyIn.TryGetValue(a.Namespace, out var region) && (a.Region ?? p.Region) != region)
            .Select(a => $"{p.Stack}: alarm {a.LogicalName} on {a.Namespace} is planned in {a.Region ?? p.Region}; its metrics exist only in {MetricDimensions.PublishedOnlyIn[a.Namespace]}")));

    public static AwsRule CompositeChildren { get; } = new(
        "composite-alarm-children-exist",
        "A composite alarm's rule names alarms of the same stack and Region (AWS rejects a rule over an alarm that does not exist).",
        new("https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutCompositeAlarm.html",
            "The alarm rule expression can't refer to alarms that don't exist"),
        c => c.Plans.SelectMany(p =>
        {
            var local = p.Observability.Alarms.Where(a => a.Region is null).Select(a => a.LogicalName)
                .Concat(p.Observability.MathAlarms.Select(m => m.LogicalName)).ToHashSet(StringComparer.Ordinal);
            return p.Observability.CompositeAlarms.SelectMany(ca => ca.Children().Where(child => !local.Contains(child))
                .Select(child => $"{p.Stack}: composite {ca.LogicalName} refers to {child}, which is not an alarm of the stack's Region"));
        }));

    public static AwsRule NameLengths { get; } = new(
        "name-lengths",
        "Physical names fit the longest name each service accepts (load balancers and target groups: 32; ElastiCache groups: 40; RDS: 63; Lambda: 64; SQS and Step Functions: 80).",
        new("https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html",
            "This name must be unique per region per account, can have a maximum of 32 characters, must contain only alphanumeric characters or hyphens, must not begin or end with a hyphen, and must not begin with \"internal-\"."),
        c => c.Plans.SelectMany(p => NameLimits.All.SelectMany(l => l.Names(p).Where(n => n.Length > l.Limit)
            .Select(n => string.Create(CultureInfo.InvariantCulture, $"{p.Stack}: {l.Kind} name '{n}' has {n.Length} characters; AWS allows {l.Limit}")))));

    public static AwsRule EndpointGroupHealthIgnored { get; } = new(
        "endpoint-group-health-ignored-for-alb",
        "An endpoint group of load balancers sets no health-check settings of its own: the ALB's target health decides.",
        new("https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoint-groups.html",
            "For Network Load Balancer and Application Load Balancer endpoints, configure health check settings on the ELB console."),
        c => c.Plans.Where(p => p.EndpointGroup.EndpointType == EndpointGroupPlan.ApplicationLoadBalancer
                && (p.EndpointGroup.HealthCheckPath is not null || p.EndpointGroup.HealthCheckPort is not null || p.EndpointGroup.HealthCheckProtocol is not null
                    || p.EndpointGroup.HealthCheckIntervalSeconds is not null || p.EndpointGroup.ThresholdCount is not null))
            .Select(p => $"{p.Stack}: the endpoint group sets health-check settings that Global Accelerator ignores for its ALB endpoint"));

    public static AwsRule StageRouteSettings { get; } = new(
        "api-stage-route-settings-name-routes",
        "Every route setting of the API stage names a route of the API (the program also makes the stage wait for the routes).",
        new("https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-stages-stagename.html",
            "routeSettings: Route settings for the stage, by routeKey."),
        c => c.Plans.SelectMany(p => p.Ingress.Api.RouteThrottles.Where(t => !p.Ingress.Api.Routes.Contains(t.RouteKey, StringComparer.Ordinal))
            .Select(t => $"{p.Stack}: the stage throttles '{t.RouteKey}', which is not a route of {p.Ingress.Api.Name}")));

    public static AwsRule ValidationRecordOwner { get; } = new(
        "acm-validation-record-one-owner",
        "Each certificate-validation record has exactly one owner stack: ACM asks every region for the same record of a name.",
        new("https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html",
            "For certificates provided by ACM, this means you must revalidate each domain name in the certificate for each region."),
        c => c.Plans
            .SelectMany(p => p.Ingress.Certificates.Concat(p.Edge is { } e ? [e.CloudFront.Certificate] : [])
                .SelectMany(cert => cert.ValidationRecords).Where(r => r.OwnedHere).Select(r => (p.Stack, r.Domain)))
            .GroupBy(x => x.Domain, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"validation record of {g.Key} is created by {string.Join(" and ", g.Select(x => x.Stack))}: destroying one deletes the record the other's renewals need"));

    public static AwsRule RedisAuthNeedsTls { get; } = new(
        "redis-auth-needs-in-transit-encryption",
        "Redis AUTH is only set on a replication group with in-transit encryption.",
        new("https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html",
            "Enabling authentication is only supported on Redis servers with encryption in transit (TLS) enabled."),
        c => c.Plans.Where(p => !p.Data.Redis.TransitEncryption)
            .Select(p => $"{p.Stack}: {p.Data.Redis.ReplicationGroupId} has an AUTH token but no in-transit encryption"));

    public static AwsRule ScheduledWindowInFuture { get; } = new(
        "one-off-schedule-in-the-future",
        "A one-off at() scheduled action lies in the future; once its time has passed it does nothing again (make the window yearly or move it).",
        new("https://docs.aws.amazon.com/autoscaling/application/userguide/scheduled-scaling-policy-overview.html",
            "You can create scheduled actions that scale one time only or that scale on a recurring schedule."),
        c => c.Plans.SelectMany(p => p.Compute.Services.SelectMany(s => s.Scaling.Scheduled)
                .Where(a => a.OnceAt is { } at && at <= c.Now).Select(a => (p.Stack, a.Name, At: a.OnceAt!.Value)))
            .DistinctBy(x => (x.Stack, x.Name))
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Stack}: {x.Name} at {x.At:yyyy-MM-dd HH:mm}Z has passed; set peakWindowRepeat: yearly or new peakWindowStart/End")));

    public static AwsRule FunctionCodeVersioned { get; } = new(
        "lambda-package-key-per-release",
        "A function's package key names its release, so a new release reaches Lambda (a fixed S3 key never updates the code).",
        new("https://www.pulumi.com/registry/packages/aws/api-docs/lambda/function/",
            "Use this argument to trigger updates when the function source code changes."),
        c => c.Plans.SelectMany(p => p.Workflow.Functions
            .Where(f => PackageRelease(f.PackageKey).Length == 0 || f.PackageKey != ArtifactLocations.FunctionPackageKey(f.LogicalName, PackageRelease(f.PackageKey)))
            .Select(f => $"{p.Stack}: {f.LogicalName}'s package key '{f.PackageKey}' names no release")));

    public static AwsRule SecurityGroupRuleQuota { get; } = new(
        "security-group-rule-quota",
        "Each security group's inbound rules fit the 60-rule quota, counting a referenced prefix list as its maximum entries (CloudFront's origin-facing list: 55).",
        new("https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html",
            "When you reference a prefix list in a resource, the maximum number of entries for the prefix lists counts against the quota for the number of entries for the resource."),
        c => c.Plans.SelectMany(p => p.Network.SecurityTiers.Where(t => SecurityGroupQuota.Weight(t) > SecurityGroupQuota.InboundRules)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{p.Stack}: the {t.LogicalName} group's inbound rules count {SecurityGroupQuota.Weight(t)} against a quota of {SecurityGroupQuota.InboundRules}"))));

    public static AwsRule WafLogDestinationName { get; } = new(
        "waf-log-destination-prefix",
        "The web ACL's log destination is named with the aws-waf-logs- prefix, and a CLOUDFRONT-scope ACL logs in us-east-1.",
        new("https://docs.aws.amazon.com/waf/latest/APIReference/API_LoggingConfiguration.html",
            "The name that you give the destination must start with aws-waf-logs-."),
        c => c.Plans.Where(p => p.Edge is not null).SelectMany(p =>
        {
            var acl = p.Edge!.WebAcl;
            var faults = new List<string>();
            if (!acl.LogGroupName.StartsWith(Edge.WebAclPlan.LogDestinationPrefix, StringComparison.Ordinal))
            {
                faults.Add($"{p.Stack}: the web ACL logs to '{acl.LogGroupName}', which does not start with {Edge.WebAclPlan.LogDestinationPrefix}");
            }

            if (acl.Scope == "CLOUDFRONT" && acl.Region != EdgePlanner.CloudFrontCertificateRegion)
            {
                faults.Add($"{p.Stack}: the CLOUDFRONT-scope web ACL and its log group are planned in {acl.Region}; CloudFront takes them from us-east-1 only");
            }

            return faults;
        }));

    public static AwsRule AlbLogWriter { get; } = new(
        "alb-access-log-writer-per-region",
        "The ALB log bucket's policy lets the Region's Elastic Load Balancing account write (Regions available before August 2022), or the log-delivery service principal (Regions opened since).",
        new("https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html",
            "For regions launched in August 2022 or later, you should instead provide a policy that grants permissions to the logdelivery.elasticloadbalancing.amazonaws.com principal."),
        c => c.Plans.Where(p => p.Audit.AlbLogs.WriterPrincipal != Audit.ElbLogDelivery.WriterFor(p.Region))
            .Select(p => $"{p.Stack}: the ALB log bucket lets '{p.Audit.AlbLogs.WriterPrincipal}' write, but in {p.Region} Elastic Load Balancing writes as '{Audit.ElbLogDelivery.WriterFor(p.Region)}'"));

    public static AwsRule AlbLogEncryption { get; } = new(
        "alb-access-log-bucket-sse-s3",
        "The ALB log bucket is encrypted with S3-managed keys: ALB access logs are not delivered to a bucket that requires KMS.",
        new("https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html",
            "The only server-side encryption option that's supported is Amazon S3-managed keys (SSE-S3)."),
        c => c.Plans.Where(p => p.Audit.AlbLogs.Encryption != Audit.AuditPlanner.S3ManagedEncryption)
            .Select(p => $"{p.Stack}: the ALB log bucket uses {p.Audit.AlbLogs.Encryption}; use {Audit.AuditPlanner.S3ManagedEncryption} (SSE-S3)"));

    public static AwsRule CloudFrontLogBucketAcls { get; } = new(
        "cloudfront-log-bucket-keeps-acls",
        "CloudFront's standard-logging bucket keeps ACLs enabled (object ownership BucketOwnerPreferred, not BucketOwnerEnforced).",
        new("https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html",
            "Don't choose an Amazon S3 bucket with S3 Object Ownership set to bucket owner enforced. That setting disables ACLs for the bucket and the objects in it."),
        c => c.Plans.Where(p => p.Audit.CloudFrontLogs is { AclsEnabled: false })
            .Select(p => $"{p.Stack}: CloudFront's log bucket {p.Audit.CloudFrontLogs!.BucketName} disables ACLs; CloudFront could not deliver a log"));

    public static IReadOnlyList<AwsRule> All { get; } =
    [
        FargateSpotArchitecture, ClientIpPreservation, ReplicaOfManagedPassword, AlarmDimensions, NameLengths, EndpointGroupHealthIgnored,
        StageRouteSettings, ValidationRecordOwner, RedisAuthNeedsTls, ScheduledWindowInFuture, FunctionCodeVersioned, SecurityGroupRuleQuota,
        WafLogDestinationName,
        .. DataRecoveryRules.All,
        AlarmRegion, CompositeChildren,
        AlbLogWriter, AlbLogEncryption, CloudFrontLogBucketAcls,
    ];

    // functions/<release>/<function>.zip
    private static string PackageRelease(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 3 ? parts[1] : "";
    }
}
