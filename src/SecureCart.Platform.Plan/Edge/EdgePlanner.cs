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
        new($"gateway.{stack.Domain}", "A", DnsTarget.ApiGateway, "latency", stack.Region, stack.StackName, "dns-gateway");

    public static EdgePlan? Plan(StackSettings stack, IReadOnlyList<StackSettings> allStacks, ResourceNames names)
    {
        if (!stack.IsHome)
        {
            return null;
        }

        var domain = stack.Domain;
        ImmutableArray<string> aliases = [domain, $"www.{domain}"];
        var cloudFront = new CloudFrontPlan(
            aliases,
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
            CertificatePlan.OwnedBy("cloudfront-certificate", aliases[0], [.. aliases.Skip(1)], stack.StackName),
            stack.Region == CloudFrontCertificateRegion ? null : EdgeLogicalNames.CertificateProvider,
            // Pages are rendered by the storefront (the ALB's default service), never served from the bucket.
            DefaultOrigin: CloudFrontPlan.ApiOrigin,
            StaticPathPattern: "/static/*",
            EdgeCachePlanner.Plan(names),
            StaticReplication(stack, allStacks, names));
        var records = PublicRecords(domain, stack.StackName);
        return new EdgePlan(
            names.Physical("accelerator"),
            "TCP",
            [443],
            // Carts live in Redis per region: keep a client on one region between requests.
            "SOURCE_IP",
            [.. allStacks.Select(s => s.Region).Order(StringComparer.Ordinal)],
            cloudFront,
            domain,
            records,
            // WAF logs are security evidence: kept 90 days in production, 3 elsewhere.
            WafPlanner.Plan(stack, names, stack.Profile == SizeProfile.Production ? 90 : 3));
    }

    /// <summary>
    /// The home-only names whatever the project: for reading stack exports without the stack files (the names do
    /// not depend on the domain; the us-east-1 provider is included, as a home stack elsewhere has it).
    /// </summary>
    public static ImmutableArray<string> AnyHomeStackLogicalNames { get; } =
    [
        .. EdgeLogicalNames.Fixed,
        .. CertificatePlan.OwnedBy("cloudfront-certificate", "example.com", ["www.example.com"], "home").LogicalNames,
        EdgeLogicalNames.CertificateProvider,
        .. PublicRecords("example.com", "home").Select(r => r.LogicalName),
        // The ingress plan's home-only names: the origin header's secret and the records of names every stack certifies.
        OriginVerificationPlan.LogicalName, $"{OriginVerificationPlan.LogicalName}-value", "alb-certificate-validation-2", "api-certificate-validation-1",
        .. EdgeCachePlanner.Plan(new ResourceNames("home", "example")).Select(c => c.LogicalName),
        .. StaticReplicationPlan.LogicalNames,
        .. Observability.CoverageAlarms.EdgeAlarmLogicalNames,
        .. Audit.AuditPlanner.AnyHomeStackLogicalNames,
    ];

    // The copy goes to the region that keeps the home stack's other copies; no partner region, no copy.
    private static StaticReplicationPlan? StaticReplication(StackSettings stack, IReadOnlyList<StackSettings> allStacks, ResourceNames names) =>
        Recovery.RecoveryPartners.KeptBy(stack, allStacks) is { } partner
            ? new StaticReplicationPlan(
                names.Physical($"static-{partner.Region}"),
                partner.Region,
                // IAM role names: at most 64 characters.
                names.Physical("static-replication", 64),
                SourceVersioning: true,
                ReplicaVersioning: true,
                ReplicationTimeMinutes: 15,
                OriginGroupId: "static-group",
                FailoverOriginId: "static-replica",
                // Server errors and throttling only: a 403/404 for a missing object would fetch it twice for nothing.
                FailoverStatusCodes: [500, 502, 503, 504],
                AllowedMethods: ["GET", "HEAD", "OPTIONS"])
            : null;

    // dns-<label>[-<type>]: the label is "apex" for the zone itself; the type only where a name has two records.
    private static ImmutableArray<DnsRecordPlan> PublicRecords(string domain, string owner)
    {
        var records = ImmutableArray.CreateBuilder<DnsRecordPlan>();
        foreach (var type in new[] { "A", "AAAA" })
        {
            records.Add(new(domain, type, DnsTarget.CloudFront, "simple", null, owner, $"dns-apex-{type.ToLowerInvariant()}"));
            records.Add(new($"www.{domain}", type, DnsTarget.CloudFront, "simple", null, owner, $"dns-www-{type.ToLowerInvariant()}"));
        }

        records.Add(new($"api.{domain}", "A", DnsTarget.Accelerator, "simple", null, owner, "dns-api"));
        return records.ToImmutable();
    }
}
