using System.Text.Json;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.CloudTrail;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Iam;
using Pulumi.Aws.S3;
using SecureCart.Platform.Plan.Audit;

namespace SecureCart.Platform.Infra.Audit;

/// <summary>
/// VPC flow logs, the ALB's access-log bucket, and in the home stack the account's CloudTrail trail and CloudFront's
/// log bucket. The buckets exist (with their policies) before the services that write to them check access.
/// </summary>
public sealed class RegionAudit : ComponentResource
{
    public RegionAudit(string name, RegionAuditArgs args, ComponentResourceOptions? options = null)
        : base("securecart:platform:Audit", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        AuditPlan plan = args.Plan;
        InputMap<string> tags = Children.Tags(args.Tags, "audit");
        Output<string> account = GetCallerIdentity.Invoke().Apply(identity => identity.AccountId);

        FlowLogPlan flows = plan.FlowLogs;
        var flowGroup = new LogGroup($"{FlowLogPlan.LogicalName}-group", new LogGroupArgs { Name = flows.LogGroupName, RetentionInDays = flows.RetentionDays, Tags = tags }, Children.Of(this));
        var flowRole = new Role($"{FlowLogPlan.LogicalName}-role", new RoleArgs { AssumeRolePolicy = Policies.AssumeRole(FlowLogPlan.DeliveryService), Tags = tags }, Children.Of(this));
        _ = new RolePolicy($"{FlowLogPlan.LogicalName}-delivery", new RolePolicyArgs
        {
            Role = flowRole.Name,
            Policy = Policies.Allow((["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], [Output.Format($"{flowGroup.Arn}:*")])),
        }, Children.Of(this));
        _ = new FlowLog(FlowLogPlan.LogicalName, new FlowLogArgs
        {
            VpcId = args.VpcId,
            TrafficType = flows.TrafficType,
            LogDestinationType = "cloud-watch-logs",
            LogDestination = flowGroup.Arn,
            IamRoleArn = flowRole.Arn,
            MaxAggregationInterval = flows.MaxAggregationIntervalSeconds,
            Tags = tags,
        }, Children.Of(this));

        LogBucketPlan alb = plan.AlbLogs;
        Bucket albBucket = LogBucket.Create(alb, tags, this);
        AlbLogsPolicy = new BucketPolicy($"{alb.LogicalName}-policy", new BucketPolicyArgs
        {
            Bucket = albBucket.Id,
            Policy = Output.Tuple(albBucket.Arn, account).Apply(t => WritePolicy(alb, $"{t.Item1}/{alb.Prefix}/AWSLogs/{t.Item2}/*", null)),
        }, Children.Of(this));
        AlbLogsBucket = albBucket.BucketName;

        if (plan.Trail is { } trail)
        {
            Bucket trailBucket = LogBucket.Create(trail.Bucket, tags, this);
            string trailArn(string acct) => $"arn:aws:cloudtrail:{args.Region}:{acct}:trail/{trail.Name}";
            var policy = new BucketPolicy($"{trail.Bucket.LogicalName}-policy", new BucketPolicyArgs
            {
                Bucket = trailBucket.Id,
                Policy = Output.Tuple(trailBucket.Arn, account).Apply(t => WritePolicy(trail.Bucket, $"{t.Item1}/{trail.Bucket.Prefix}/AWSLogs/{t.Item2}/*", (t.Item1, trailArn(t.Item2)))),
            }, Children.Of(this));
            _ = new Trail(TrailPlan.LogicalName, new TrailArgs
            {
                Name = trail.Name,
                S3BucketName = trailBucket.Id,
                S3KeyPrefix = trail.Bucket.Prefix,
                IsMultiRegionTrail = trail.MultiRegion,
                EnableLogFileValidation = trail.LogFileValidation,
                IncludeGlobalServiceEvents = trail.IncludeGlobalServiceEvents,
                Tags = tags,
            }, new CustomResourceOptions { Parent = this, DependsOn = { policy } }); // CloudTrail checks the bucket policy on create
        }

        if (plan.CloudFrontLogs is { } cloudFront)
        {
            // No policy: CloudFront's log delivery is granted through the bucket ACL when the distribution is configured.
            CloudFrontLogsBucketDomain = LogBucket.Create(cloudFront, tags, this).BucketDomainName;
        }

        RegisterOutputs(new Dictionary<string, object?> { ["albLogsBucket"] = AlbLogsBucket });
    }

    public Output<string> AlbLogsBucket { get; }

    /// <summary>The ALB's access logs are enabled only once this exists: the load balancer checks that it may write.</summary>
    public BucketPolicy AlbLogsPolicy { get; }

    /// <summary>CloudFront's standard-logging bucket (home stack), or null.</summary>
    public Output<string>? CloudFrontLogsBucketDomain { get; }

    // Writes under the prefix for the plan's writer; CloudTrail also reads the bucket ACL and is held to its own trail.
    private static string WritePolicy(LogBucketPlan plan, string objects, (string Bucket, string SourceArn)? cloudTrail)
    {
        object principal = plan.WriterIsService ? new { Service = plan.WriterPrincipal } : new { AWS = plan.WriterPrincipal };
        var statements = new List<object>();
        if (cloudTrail is { } ct)
        {
            statements.Add(new { Sid = "AclCheck", Effect = "Allow", Principal = principal, Action = "s3:GetBucketAcl", Resource = ct.Bucket, Condition = new { StringEquals = new Dictionary<string, string> { ["aws:SourceArn"] = ct.SourceArn } } });
            statements.Add(new { Sid = "Write", Effect = "Allow", Principal = principal, Action = "s3:PutObject", Resource = objects, Condition = new { StringEquals = new Dictionary<string, string> { ["s3:x-amz-acl"] = "bucket-owner-full-control", ["aws:SourceArn"] = ct.SourceArn } } });
        }
        else
        {
            statements.Add(new { Sid = "Write", Effect = "Allow", Principal = principal, Action = "s3:PutObject", Resource = objects });
        }

        return JsonSerializer.Serialize(new { Version = "2012-10-17", Statement = statements });
    }
}
