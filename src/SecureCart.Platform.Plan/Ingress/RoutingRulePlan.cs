namespace SecureCart.Platform.Plan.Ingress;

/// <summary>An HTTPS listener rule forwarding a path to a service's target group.</summary>
public sealed record RoutingRulePlan(int Priority, string PathPattern, string Service);
