namespace SecureCart.Platform.Plan.Audit;

/// <summary>
/// An S3 bucket a service writes logs into: its name, key prefix, how long objects live, its default encryption,
/// whether it needs ACLs (CloudFront's standard logging writes with them), and who may write.
/// </summary>
/// <param name="WriterPrincipal">The principal the bucket policy lets write: an AWS account ARN (<c>arn:aws:iam::…:root</c>) or a service principal.</param>
/// <param name="Encryption">AES256 (SSE-S3) or aws:kms.</param>
public sealed record LogBucketPlan(string LogicalName, string BucketName, string Prefix, int ExpirationDays, string Encryption, bool AclsEnabled, string? WriterPrincipal)
{
    public IEnumerable<string> LogicalNames =>
        [LogicalName, $"{LogicalName}-public-access", $"{LogicalName}-encryption", $"{LogicalName}-lifecycle", $"{LogicalName}-ownership", .. WriterPrincipal is null ? Array.Empty<string>() : [$"{LogicalName}-policy"]];

    /// <summary>True when the writer is a service principal rather than an AWS account.</summary>
    public bool WriterIsService => WriterPrincipal is { } p && p.EndsWith(".amazonaws.com", StringComparison.Ordinal);
}
