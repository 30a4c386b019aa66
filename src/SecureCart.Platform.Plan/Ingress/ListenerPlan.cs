namespace SecureCart.Platform.Plan.Ingress;

/// <summary>An ALB listener: HTTPS with a TLS policy, or HTTP that only redirects to HTTPS.</summary>
public sealed record ListenerPlan(int Port, string Protocol, string? SslPolicy, bool RedirectToHttps);
