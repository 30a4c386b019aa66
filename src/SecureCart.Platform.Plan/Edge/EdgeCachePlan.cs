namespace SecureCart.Platform.Plan.Edge;

/// <summary>
/// A CloudFront cache behaviour for dynamic responses that are the same for every visitor. Its cache key is the path
/// and the query string only: no cookie and no header, so nothing a visitor sends can make the origin personalise a
/// response that another visitor would then be served. Only GET and HEAD are cached; other methods pass through.
/// </summary>
/// <param name="Service">The service behind the path; it reads no per-visitor data, which is what makes caching safe.</param>
/// <param name="DefaultTtlSeconds">Used when the origin sends no Cache-Control; the origin may ask for less (down to <paramref name="MinTtlSeconds"/>).</param>
public sealed record EdgeCachePlan(
    string PolicyName,
    string PathPattern,
    string Service,
    int MinTtlSeconds,
    int DefaultTtlSeconds,
    int MaxTtlSeconds,
    string QueryStringBehavior,
    string CookieBehavior,
    string HeaderBehavior,
    string Reason)
{
    /// <summary>Logical name of the cache policy in the home stack.</summary>
    public string LogicalName => $"cache-{Service}";
}
