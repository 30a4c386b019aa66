namespace SecureCart.Platform.Plan.Audit;

/// <summary>
/// Who did what, and which packets and requests went where: the VPC's flow logs and the ALB's access logs in every
/// stack; the account's CloudTrail trail and CloudFront's access logs in the home stack only (each is one per account
/// or per distribution).
/// </summary>
/// <param name="Trail">The multi-Region trail the home stack creates, or null (other stacks, or an organisation trail covers the account).</param>
/// <param name="CloudFrontLogs">CloudFront's standard-logging bucket (home stack), or null.</param>
public sealed record AuditPlan(FlowLogPlan FlowLogs, LogBucketPlan AlbLogs, TrailPlan? Trail, LogBucketPlan? CloudFrontLogs, AuditTrailMode TrailMode)
{
    /// <summary>What only the home stack creates here.</summary>
    public IEnumerable<string> HomeOnlyLogicalNames =>
        (Trail?.LogicalNames ?? []).Concat(CloudFrontLogs?.LogicalNames ?? []);
}
