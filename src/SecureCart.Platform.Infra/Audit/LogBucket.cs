using Pulumi;
using Pulumi.Aws.S3;
using SecureCart.Platform.Plan.Audit;

namespace SecureCart.Platform.Infra.Audit;

/// <summary>A private, encrypted, expiring log bucket as the plan describes it (its write policy is the caller's).</summary>
internal static class LogBucket
{
    public static Bucket Create(LogBucketPlan plan, InputMap<string> tags, Resource parent)
    {
        var bucket = new Bucket(plan.LogicalName, new BucketArgs { BucketName = plan.BucketName, Tags = tags }, Children.Of(parent));
        _ = new BucketPublicAccessBlock($"{plan.LogicalName}-public-access", new BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, Children.Of(parent));
        _ = new BucketServerSideEncryptionConfiguration($"{plan.LogicalName}-encryption", new BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new Pulumi.Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = new Pulumi.Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs { SseAlgorithm = plan.Encryption },
                },
            },
        }, Children.Of(parent));
        _ = new BucketLifecycleConfiguration($"{plan.LogicalName}-lifecycle", new BucketLifecycleConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new Pulumi.Aws.S3.Inputs.BucketLifecycleConfigurationRuleArgs
                {
                    Id = "expire-logs",
                    Status = "Enabled",
                    Filter = new Pulumi.Aws.S3.Inputs.BucketLifecycleConfigurationRuleFilterArgs { Prefix = $"{plan.Prefix}/" },
                    Expiration = new Pulumi.Aws.S3.Inputs.BucketLifecycleConfigurationRuleExpirationArgs { Days = plan.ExpirationDays },
                },
            },
        }, Children.Of(parent));
        // BucketOwnerEnforced turns ACLs off; CloudFront's standard logging needs them, everything else is better without.
        _ = new BucketOwnershipControls($"{plan.LogicalName}-ownership", new BucketOwnershipControlsArgs
        {
            Bucket = bucket.Id,
            Rule = new Pulumi.Aws.S3.Inputs.BucketOwnershipControlsRuleArgs { ObjectOwnership = plan.AclsEnabled ? "BucketOwnerPreferred" : "BucketOwnerEnforced" },
        }, Children.Of(parent));
        return bucket;
    }
}
