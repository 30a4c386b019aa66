using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Naming;

namespace SecureCart.Platform.Plan.Audit;

/// <summary>Plans the audit and access logs of a stack.</summary>
public static class AuditPlanner
{
    /// <summary>ALB access logs support SSE-S3 only: a KMS-encrypted bucket silently receives nothing.</summary>
    public const string S3ManagedEncryption = "AES256";

    /// <summary>The home-only names whatever the project (parity reads exports without the stack files).</summary>
    public static IEnumerable<string> AnyHomeStackLogicalNames =>
    [
        TrailPlan.LogicalName,
        .. new LogBucketPlan("cloudtrail-bucket", "x", "x", 1, S3ManagedEncryption, false, "cloudtrail.amazonaws.com").LogicalNames,
        .. new LogBucketPlan("cloudfront-logs", "x", "x", 1, S3ManagedEncryption, true, null).LogicalNames,
    ];

    public static AuditPlan Plan(StackSettings stack, ResourceNames names)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(names);
        var production = stack.Profile == SizeProfile.Production;
        // A year of audit history in production (investigations start late); flow logs are bulky, three months suffice.
        var auditDays = production ? 365 : 7;
        var flowDays = production ? 90 : 3;
        var flowLogs = new FlowLogPlan($"/securecart/{stack.StackName}/vpc-flow-logs", flowDays, "ALL", production ? 600 : 60);
        var alb = new LogBucketPlan("alb-logs", names.Physical("alb-logs"), "alb", flowDays, S3ManagedEncryption, AclsEnabled: false, ElbLogDelivery.WriterFor(stack.Region));
        TrailPlan? trail = stack.IsHome && stack.AuditTrail == AuditTrailMode.Stack
            ? new TrailPlan(
                names.Physical("trail"),
                new LogBucketPlan("cloudtrail-bucket", names.Physical("cloudtrail"), "cloudtrail", auditDays, S3ManagedEncryption, AclsEnabled: false, "cloudtrail.amazonaws.com"),
                MultiRegion: true,
                LogFileValidation: true,
                IncludeGlobalServiceEvents: true)
            : null;
        // CloudFront's standard logging writes with object ACLs: the one log bucket that keeps them enabled.
        LogBucketPlan? cloudFront = stack.IsHome
            ? new LogBucketPlan("cloudfront-logs", names.Physical("cloudfront-logs"), "cloudfront", flowDays, S3ManagedEncryption, AclsEnabled: true, WriterPrincipal: null)
            : null;
        return new AuditPlan(flowLogs, alb, trail, cloudFront, stack.AuditTrail);
    }
}
