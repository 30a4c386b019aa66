using System.Collections.Immutable;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Naming;

namespace SecureCart.Platform.Plan.Network;

/// <summary>
/// Carves the VPC into three tiers over up to three zones. The first three quarters of the block are the
/// private subnets (tasks need the addresses: awsvpc gives every task an ENI); the last quarter is cut in eight:
/// public a-c, a spare, isolated a-c, a spare. For a /16: private /18 (16,379 usable), public and isolated /21.
/// Where an account gets only two zones (us-west-1) the c-slot blocks stay unused, so every other block keeps
/// its place and the plan stays the same shape in every Region.
/// </summary>
/// <remarks>
/// Zones are slots (<c>zone-1</c>…), not names: zone letters are assigned per account and not every Region has
/// an <c>a</c>, <c>b</c> and <c>c</c> (ca-central-1 has a, b and d). The deploy maps slot n to the account's n-th
/// available zone (<see cref="ZoneSlot"/>).
/// </remarks>
public static class NetworkPlanner
{
    public const int MaxZones = 3;
    public static readonly ImmutableArray<string> ZoneSuffixes = ["a", "b", "c"];

    /// <param name="dataClients">Every service and function with its grants: those that reach PostgreSQL or Redis get a client group the data tier admits.</param>
    public static NetworkPlan Plan(StackSettings stack, ResourceNames names, IReadOnlyList<DataClient> dataClients)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(dataClients);
        var vpc = stack.VpcCidr;
        var zoneCount = Math.Min(MaxZones, RegionCatalog.Default.ZonesIn(stack.Region));
        var zones = Enumerable.Range(0, zoneCount).Select(ZoneSlot.Name).ToImmutableArray();
        var lastQuarter = vpc.Subnet(vpc.PrefixLength + 2, 3);
        var subnets = ImmutableArray.CreateBuilder<SubnetPlan>();
        for (var i = 0; i < zoneCount; i++)
        {
            subnets.Add(Subnet(SubnetTier.Public, i, zones[i], lastQuarter.Subnet(lastQuarter.PrefixLength + 3, i), names));
        }

        for (var i = 0; i < zoneCount; i++)
        {
            subnets.Add(Subnet(SubnetTier.Private, i, zones[i], vpc.Subnet(vpc.PrefixLength + 2, i), names));
        }

        for (var i = 0; i < zoneCount; i++)
        {
            subnets.Add(Subnet(SubnetTier.Isolated, i, zones[i], lastQuarter.Subnet(lastQuarter.PrefixLength + 3, 4 + i), names));
        }

        var natZones = stack.NatStrategy == NatStrategy.PerAz ? zones : [zones[0]];
        return new NetworkPlan(
            names.Physical("vpc"),
            vpc.ToString(),
            zones,
            subnets.ToImmutable(),
            stack.NatStrategy,
            natZones,
            // Gateway endpoints are free and keep S3/DynamoDB traffic off the NAT gateways.
            ["s3", "dynamodb"],
            // Interface endpoints for what tasks call on every start, so image pulls survive a NAT outage.
            stack.Profile == SizeProfile.Production ? ["ecr.api", "ecr.dkr", "logs", "secretsmanager"] : [],
            SecurityTiers(names, [.. dataClients.Where(c => DataTier.Reaches(c.Access))]));
    }

    private static SubnetPlan Subnet(SubnetTier tier, int index, string zone, Ipv4Cidr cidr, ResourceNames names)
    {
        var tierName = tier.ToString().ToLowerInvariant();
        var suffix = ZoneSuffixes[index];
        return new SubnetPlan($"{tierName}-{suffix}", names.Physical($"{tierName}-{suffix}"), tier, zone, cidr.ToString());
    }

    /// <summary>CloudFront's origin-facing addresses as an AWS-managed prefix list.</summary>
    public const string CloudFrontOriginFacing = "com.amazonaws.global.cloudfront.origin-facing";

    // Global Accelerator keeps the client's address for an internal ALB, so the ALB sees CloudFront's origin-facing
    // addresses, never the VPC's: it admits those and the API Gateway VPC link's own group, nothing else.
    // services <- ALB and each other; data <- the client group of each service or function that needs a store, on its
    // store's port only; endpoints <- services and VPC functions.
    private static ImmutableArray<SecurityTierPlan> SecurityTiers(ResourceNames names, IReadOnlyList<DataClient> clients) =>
    [
        new("alb", names.Physical("alb-sg"),
        [
            new("HTTPS from CloudFront through the accelerator (client addresses preserved)", 443, 443, null, null, CloudFrontOriginFacing),
            new("HTTPS from the API Gateway VPC link", 443, 443, "api-link", null),
        ]),
        new("api-link", names.Physical("api-link-sg"), []),
        new("services", names.Physical("services-sg"),
        [
            new("Service ports from the load balancer", 8080, 8080, "alb", null),
            new("Service-to-service calls", 8080, 8080, "services", null),
        ]),
        new(DataTier.Functions, names.Physical("functions-sg"), []),
        .. clients.Select(c => new SecurityTierPlan(DataTier.ClientTier(c.LogicalName), names.Physical($"{c.LogicalName}-data-client-sg"), [])),
        new(DataTier.LogicalName, names.Physical("data-sg"), DataTier.Ingress(clients)),
        new("endpoints", names.Physical("endpoints-sg"),
        [
            new("HTTPS to interface endpoints from the services", 443, 443, "services", null),
            new("HTTPS to interface endpoints from the VPC functions", 443, 443, DataTier.Functions, null),
        ]),
    ];
}
