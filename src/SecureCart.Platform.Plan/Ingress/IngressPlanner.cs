using System.Collections.Immutable;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Naming;

namespace SecureCart.Platform.Plan.Ingress;

/// <summary>Plans the ALB and the API Gateway from the services that serve HTTP.</summary>
public static class IngressPlanner
{
    /// <summary>TLS 1.3 with TLS 1.2 fallback: the current ELB recommendation.</summary>
    public const string TlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    /// <summary>Header CloudFront and the API Gateway add, and the ALB's rules require.</summary>
    public const string OriginHeader = "x-securecart-origin";

    /// <summary>The ALB's lowest rule priority (AWS allows 1 to 50000): the default service, behind every path rule.</summary>
    public const int LastRulePriority = 50000;

    public static IngressPlan Plan(StackSettings stack, ResourceNames names, ComputePlan compute, string homeStack)
    {
        ArgumentNullException.ThrowIfNull(stack);
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
            DefaultRulePriority: LastRulePriority,
            DeregistrationDelaySeconds: 30,
            IdleTimeoutSeconds: 60);

        var rate = stack.Api.RateLimit;
        var burst = stack.Api.BurstLimit;
        var api = new ApiGatewayPlan(
            names.Physical("api"),
            names.Physical("api-link"),
            "v1", // REST stage names are letters, digits, hyphens and underscores
            $"gateway.{stack.Domain}",
            ["ANY /api/{proxy+}", "POST /api/checkout/{proxy+}"],
            new RouteThrottlePlan("$default", rate, burst),
            // Checkout calls the payment provider: a tenth of the rate keeps a bot wave from exhausting its quota.
            [new RouteThrottlePlan("POST /api/checkout/{proxy+}", Math.Max(1, rate / 10), Math.Max(1, burst / 10))])
        {
            WebAcl = Edge.WafPlanner.Regional(stack, names),
            UsagePlans =
            [
                // The app's one key carries every phone: it gets the stage's whole rate.
                new UsagePlanPlan("mobile", names.Physical("usage-mobile"), rate, burst, null),
                // Each partner's own key: a tenth of the rate and a daily quota, so no partner's batch job starves the app.
                new UsagePlanPlan("partners", names.Physical("usage-partners"), Math.Max(1, rate / 10), Math.Max(1, burst / 10), 1_000_000),
            ],
        };
        var home = stack.StackName == homeStack;
        var origin = new OriginVerificationPlan(OriginHeader, $"{names.Project}/origin-verify", homeStack, home);
        return new IngressPlan(alb, api, origin,
        [
            Certificate("alb-certificate", alb.CertificateDomain, alb.CertificateAlternativeNames, stack, homeStack),
            Certificate("api-certificate", api.CustomDomain, [], stack, homeStack),
        ]);
    }

    /// <summary>
    /// A certificate whose validation records are owned by one stack each: the stack itself for its region's own
    /// name, the home stack for a name every stack certifies (ACM issues the same record for it in every region).
    /// </summary>
    public static CertificatePlan Certificate(string logical, string domain, ImmutableArray<string> alternativeNames, StackSettings stack, string homeStack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var records = alternativeNames.Prepend(domain).Select((name, i) =>
        {
            var shared = SharedByEveryStack(name, stack);
            var owner = shared ? homeStack : stack.StackName;
            return new ValidationRecordPlan($"{logical}-validation-{i + 1}", name, owner, owner == stack.StackName, shared);
        });
        return new CertificatePlan(logical, domain, alternativeNames, [.. records]);
    }

    // Region-scoped names carry the region; every other name of the domain is certified by every stack.
    private static bool SharedByEveryStack(string name, StackSettings stack) =>
        !name.StartsWith(stack.Region + ".", StringComparison.Ordinal);

    /// <summary>The region's own host name, which the ALB certificate covers.</summary>
    public static string RegionalHost(StackSettings stack) => $"{stack.Region}.{stack.Domain}";
}
