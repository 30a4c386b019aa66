namespace SecureCart.Platform.Plan.Ingress;

/// <summary>API Gateway throttling for one route key (<c>$default</c> for the stage default).</summary>
public sealed record RouteThrottlePlan(string RouteKey, int RateLimit, int BurstLimit);
