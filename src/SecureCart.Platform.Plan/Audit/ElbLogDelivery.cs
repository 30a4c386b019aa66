using System.Collections.Frozen;

namespace SecureCart.Platform.Plan.Audit;

/// <summary>
/// Data: who writes an ALB's access logs into the bucket. In Regions available before August 2022, Elastic Load Balancing
/// writes as a per-Region AWS account that the bucket policy must name; in Regions opened since, as the log-delivery
/// service principal. Source: docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
/// ("Attach a policy to your S3 bucket").
/// </summary>
public static class ElbLogDelivery
{
    public const string ServicePrincipal = "logdelivery.elasticloadbalancing.amazonaws.com";

    /// <summary>Region to the Elastic Load Balancing account of the Regions available before August 2022.</summary>
    public static FrozenDictionary<string, string> LegacyAccounts { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["us-east-1"] = "127311923021",
        ["us-east-2"] = "033677994240",
        ["us-west-1"] = "027434742980",
        ["us-west-2"] = "797873946194",
        ["af-south-1"] = "098369216593",
        ["ap-east-1"] = "754344448648",
        ["ap-southeast-3"] = "589379963580",
        ["ap-south-1"] = "718504428378",
        ["ap-northeast-3"] = "383597477331",
        ["ap-northeast-2"] = "600734575887",
        ["ap-southeast-1"] = "114774131450",
        ["ap-southeast-2"] = "783225319266",
        ["ap-northeast-1"] = "582318560864",
        ["ca-central-1"] = "985666609251",
        ["eu-central-1"] = "054676820928",
        ["eu-west-1"] = "156460612806",
        ["eu-west-2"] = "652711504416",
        ["eu-south-1"] = "635631232127",
        ["eu-west-3"] = "009996457667",
        ["eu-north-1"] = "897822967062",
        ["me-south-1"] = "076674570225",
        ["sa-east-1"] = "507241528517",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The principal the ALB log bucket's policy must let write, in <paramref name="region"/>.</summary>
    public static string WriterFor(string region) =>
        LegacyAccounts.TryGetValue(region, out var account) ? $"arn:aws:iam::{account}:root" : ServicePrincipal;
}
