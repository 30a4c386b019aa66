using System.Collections.Frozen;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Constraints;

/// <summary>
/// Data: the default inbound-rule quota of a security group, and what a referenced AWS-managed prefix list costs of
/// it (its maximum entries, not one rule). CloudFront's origin-facing list costs 55 of the 60.
/// </summary>
public static class SecurityGroupQuota
{
    /// <summary>Inbound rules per security group, the default VPC quota (docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html).</summary>
    public const int InboundRules = 60;

    public static FrozenDictionary<string, int> PrefixListWeights { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [NetworkPlanner.CloudFrontOriginFacing] = 55,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>What a tier's inbound rules count against the quota; an unknown prefix list counts as the quota itself.</summary>
    public static int Weight(SecurityTierPlan tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return tier.Ingress.Sum(r => r.FromPrefixList is { } list ? PrefixListWeights.GetValueOrDefault(list, InboundRules) : 1);
    }
}
