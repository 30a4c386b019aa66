namespace SecureCart.Platform.Plan.Edge;

/// <summary>One rule of the web ACL: an AWS managed rule group (its own actions apply), or the per-IP rate rule (blocks).</summary>
/// <param name="ManagedGroup">AWS managed rule group name (vendor AWS), or null for the rate rule.</param>
/// <param name="RateLimitPer5Minutes">Requests per 5 minutes per client IP, for the rate rule.</param>
public sealed record WafRulePlan(string Name, int Priority, string? ManagedGroup, int? RateLimitPer5Minutes);
