using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Ingress;

/// <summary>
/// The regional REST API for mobile apps and partners (<c>gateway.&lt;domain&gt;</c>): a VPC link (V2) to the internal
/// ALB, stage throttling and tighter limits on checkout, usage plans per client, a regional web ACL, a custom domain
/// and a latency-based DNS record per region. A REST API rather than an HTTP API: HTTP APIs take no AWS WAF web ACL
/// and have no usage plans.
/// </summary>
public sealed record ApiGatewayPlan(
    string Name,
    string VpcLinkName,
    string StageName,
    string CustomDomain,
    ImmutableArray<string> Routes,
    RouteThrottlePlan DefaultThrottle,
    ImmutableArray<RouteThrottlePlan> RouteThrottles)
{
    /// <summary>REST: the API Gateway flavour with WAF and usage plans.</summary>
    public const string RestApi = "REST";

    public string Kind { get; init; } = RestApi;

    /// <summary>The web ACL associated with the stage (REGIONAL scope, in the stack's Region).</summary>
    public required Edge.WebAclPlan WebAcl { get; init; }

    /// <summary>Every method requires an API key on one of these plans.</summary>
    public ImmutableArray<UsagePlanPlan> UsagePlans { get; init; } = [];

    /// <summary>The usage plan of the key the stack issues for the mobile app (partner keys are issued by operations).</summary>
    public string MobileUsagePlan { get; init; } = "mobile";

    /// <summary>The REST method-settings path of a route key: <c>POST /api/checkout/{proxy+}</c> is <c>api/checkout/{proxy+}/POST</c>.</summary>
    public static string MethodPath(string routeKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(routeKey);
        var (method, path) = (routeKey[..routeKey.IndexOf(' ', StringComparison.Ordinal)], routeKey[(routeKey.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        return $"{path.TrimStart('/')}/{(method == "ANY" ? "*" : method)}";
    }
}
