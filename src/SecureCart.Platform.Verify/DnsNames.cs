using System.Text.RegularExpressions;
using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Verify;

/// <summary>Reads what an alias target is from its DNS name, the way AWS names each service's endpoints.</summary>
public static partial class DnsNames
{
    /// <summary>Lower case without the trailing dot Route 53 puts on every name.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>The kind of target and, for API Gateway, its region; null when the name is none of ours.</summary>
    public static (DnsTarget Target, string? Region)? Classify(string aliasTarget)
    {
        var name = Normalize(aliasTarget);
        if (name.EndsWith(".cloudfront.net", StringComparison.Ordinal))
        {
            return (DnsTarget.CloudFront, null);
        }

        if (name.EndsWith(".awsglobalaccelerator.com", StringComparison.Ordinal))
        {
            return (DnsTarget.Accelerator, null);
        }

        // Regional custom domains answer as d-<id>.execute-api.<region>.amazonaws.com.
        var api = ExecuteApi().Match(name);
        return api.Success ? (DnsTarget.ApiGateway, api.Groups["region"].Value) : null;
    }

    [GeneratedRegex(@"^d-[a-z0-9]+\.execute-api\.(?<region>[a-z0-9-]+)\.amazonaws\.com$", RegexOptions.CultureInvariant)]
    private static partial Regex ExecuteApi();
}
