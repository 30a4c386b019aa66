namespace SecureCart.Platform.Plan.Edge;

/// <summary>
/// Logical names of the home stack's global resources whose names are fixed; the records, the certificate and the
/// provider take theirs from the <see cref="EdgePlan"/>. <see cref="EdgePlan.LogicalNames"/> lists them all.
/// </summary>
public static class EdgeLogicalNames
{
    public const string Component = "edge";
    public const string Accelerator = "accelerator";
    public const string Listener = "accelerator-listener";
    public const string StaticBucket = "static-bucket";
    public const string StaticBucketPolicy = "static-bucket-policy";
    public const string StaticBucketPublicAccess = "static-bucket-public-access";
    public const string OriginAccessControl = "static-oac";
    public const string Distribution = "cloudfront";
    public const string WebAcl = "waf";
    public const string WafLogs = "waf-logs";
    public const string WafLogging = "waf-logging";

    /// <summary>The provider for us-east-1, created only when the home stack lives elsewhere.</summary>
    public const string CertificateProvider = "cloudfront-certificate-provider";

    public static IReadOnlyList<string> Fixed { get; } =
        [Component, Accelerator, Listener, StaticBucket, StaticBucketPolicy, StaticBucketPublicAccess, OriginAccessControl, Distribution, WebAcl, WafLogs, WafLogging];
}
