using System.Collections.Immutable;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Ingress;
using SecureCart.Platform.Plan.Naming;

namespace SecureCart.Platform.Plan.Edge;

/// <summary>Plans each stack's endpoint group and DNS, and the home stack's global singletons.</summary>
public static class EdgePlanner
{
    /// <summary>CloudFront only accepts certificates from us-east-1.</summary>
    public const string CloudFrontCertificateRegion = "us-east-1";

    public static EndpointGroupPlan EndpointGroup(StackSettings stack) =>
        new(stack.Region, stack.TrafficDial, EndpointGroupPlan.ApplicationLoadBalancer, null, null, null, null, null, ClientIpPreservation: true);

    /// <summary>The latency record each stack owns for its own API Gateway.</summary>
    public static DnsRecordPlan RegionalApiRecord(StackSettings stack) =>
        new($"gateway.{stack.Domain}", "A", DnsTarget.ApiGateway, "latency", stack.Region, stack.StackName);

    public static EdgePlan? Plan(StackSettings stack, IReadOnlyList<StackSettings> allStacks, ResourceNames names)
    {
        if (!stack.IsHome)
        {
            return null;
        }

        var domain = stack.Domain;
        var cloudFront = new CloudFrontPlan(
            [domain, $"www.{domain}"],
            // North America and Europe: where the regions and the customers are.
            "PriceClass_100",
            names.Physical("static"),
            names.Physical("static-oac"),
            "/api/*",
            "Managed-CachingOptimized",
            "Managed-CachingDisabled",
            "Managed-AllViewerExceptHostHeader",
            "TLSv1.2_2021",
            CloudFrontCertificateRegion,
            names.Physical("waf"),
            stack.WafRateLimit,
            $"api.{domain}",
            IngressPlanner.Certificate("cloudfront-certificate", domain, [$"www.{domain}"], stack, stack.StackName));
        var records = ImmutableArray.CreateBuilder<DnsRecordPlan>();
        foreach (var type in new[] { "A", "AAAA" })
        {
            records.Add(new(domain, type, DnsTarget.CloudFront, "simple", null, stack.StackName));
            records.Add(new($"www.{domain}", type, DnsTarget.CloudFront, "simple", null, stack.StackName));
        }

        records.Add(new($"api.{domain}", "A", DnsTarget.Accelerator, "simple", null, stack.StackName));
        return new EdgePlan(
            names.Physical("accelerator"),
            "TCP",
            [443],
            // Carts live in Redis per region: keep a client on one region between requests.
            "SOURCE_IP",
            [.. allStacks.Select(s => s.Region).Order(StringComparer.Ordinal)],
            cloudFront,
            domain,
            records.ToImmutable(),
            // WAF logs are security evidence: kept 90 days in production, 3 elsewhere.
            WafPlanner.Plan(stack, names, stack.Profile == SizeProfile.Production ? 90 : 3));
    }
}
