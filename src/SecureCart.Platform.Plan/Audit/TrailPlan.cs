namespace SecureCart.Platform.Plan.Audit;

/// <summary>The account's CloudTrail trail: every Region, global service events, digest files to prove logs were not altered.</summary>
public sealed record TrailPlan(string Name, LogBucketPlan Bucket, bool MultiRegion, bool LogFileValidation, bool IncludeGlobalServiceEvents)
{
    public const string LogicalName = "cloudtrail";

    public IEnumerable<string> LogicalNames => [LogicalName, .. Bucket.LogicalNames];
}
