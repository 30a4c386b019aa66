using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Naming;

namespace SecureCart.Platform.Plan.Ingress;

/// <summary>Plans the ALB and the API Gateway from the services that serve HTTP.</summary>
public static class IngressPlanner
{
    /// <summary>TLS 1.3 with TLS 1.2 fallback: the current ELB recommendation.</summary>
    public const string TlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    public static IngressPlan Plan(StackSettings stack, ResourceNames names, ComputePlan compute)
    {
        var routed = compute.Services.Where(s => s.OnAlb && s.PathPattern is not null).ToList();
        var alb = new LoadBalancerPlan(
            "alb",
            names.Physical("alb", ResourceNames.LoadBalancerNameLimit),
            Internal: true,
            CertificateDomain: $"{RegionalHost(stack)}",
            CertificateAlternativeNames: [$"api.{stack.Domain}"],
            Listeners: [new(443, "HTTPS", TlsPolicy, false), new(80, "HTTP", null, true)],
            Rules: [.. routed.Select(s => new RoutingRulePlan(s.ListenerRulePriority, s.PathPattern!, s.LogicalName))],
            DefaultService: compute.Services.Single(s => s.OnAlb && s.PathPattern is null).LogicalName,
            DeregistrationDelaySeconds: 30,
            IdleTimeoutSeconds: 60);

        var rate = stack.Api.RateLimit;
        var burst = stack.Api.BurstLimit;
        var api = new ApiGatewayPlan(
            names.Physical("api"),
            names.Physical("api-link"),
            "$default",
            $"gateway.{stack.Domain}",
            ["ANY /api/{proxy+}", "POST /api/checkout/{proxy+}"],
            new RouteThrottlePlan("$default", rate, burst),
            // Checkout calls the payment provider: a tenth of the rate keeps a bot wave from exhausting its quota.
            [new RouteThrottlePlan("POST /api/checkout/{proxy+}", Math.Max(1, rate / 10), Math.Max(1, burst / 10))]);
        return new IngressPlan(alb, api);
    }

    /// <summary>The region's own host name, which the ALB certificate covers.</summary>
    public static string RegionalHost(StackSettings stack) => $"{stack.Region}.{stack.Domain}";
}
