using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.Ec2;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Infra.Network;

/// <summary>
/// The VPC from Pulumi.Aws primitives rather than Awsx's <c>ec2.Vpc</c>: the plan fixes every subnet's block, zone
/// and tier (and the parity check compares them), whereas Awsx derives its own layout and names from a few
/// sizes; primitives map the plan one to one and keep the resource set identical in every region.
/// </summary>
public sealed class RegionNetwork : ComponentResource
{
    public RegionNetwork(string name, RegionNetworkArgs args, ComponentResourceOptions? options = null)
        : base("securecart:platform:Network", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        NetworkPlan plan = args.Plan;
        InputMap<string> Tags(string part) { InputMap<string> t = Children.Tags(args.Tags, "network"); t.Add("Name", part); return t; }

        var vpc = new Vpc("vpc", new VpcArgs
        {
            CidrBlock = plan.Cidr,
            EnableDnsHostnames = true, // interface endpoints with private DNS need both
            EnableDnsSupport = true,
            Tags = Tags(plan.VpcName),
        }, Children.Of(this));
        VpcId = vpc.Id;

        // Zone letters are per account, and an account may be offered fewer zones than the Region has: the plan's
        // zone slots map onto the zones this account is offered now (regular zones only, not Local Zones).
        Output<ImmutableArray<string>> zones = GetAvailabilityZones.Invoke(new GetAvailabilityZonesInvokeArgs
        {
            State = "available",
            Filters = { new Pulumi.Aws.Inputs.GetAvailabilityZonesFilterInputArgs { Name = "opt-in-status", Values = { "opt-in-not-required" } } },
        }).Apply(offered => ZoneSlot.Resolve(plan.AvailabilityZones, offered.Names, args.Region).ToImmutableArray());
        ZoneNames = plan.AvailabilityZones.Select((slot, i) => (slot, name: zones.Apply(z => z[i])))
            .ToImmutableDictionary(z => z.slot, z => z.name, StringComparer.Ordinal);

        var subnets = new Dictionary<string, Subnet>(StringComparer.Ordinal);
        foreach (SubnetPlan s in plan.Subnets)
        {
            subnets[s.LogicalName] = new Subnet(s.LogicalName, new SubnetArgs
            {
                VpcId = vpc.Id,
                CidrBlock = s.Cidr,
                AvailabilityZone = ZoneNames[s.AvailabilityZone],
                MapPublicIpOnLaunch = false, // nothing in this VPC gets a public address; NAT gateways use Elastic IPs
                Tags = Tags(s.Name),
            }, Children.Of(this));
        }

        SubnetIds = plan.Subnets.GroupBy(s => s.Tier).ToImmutableDictionary(
            g => g.Key,
            g => Output.All(g.Select(s => subnets[s.LogicalName].Id)));

        var gateway = new InternetGateway("igw", new InternetGatewayArgs { VpcId = vpc.Id, Tags = Tags($"{plan.VpcName}-igw") }, Children.Of(this));
        var publicRoutes = new RouteTable("public-routes", new RouteTableArgs { VpcId = vpc.Id, Tags = Tags($"{plan.VpcName}-public") }, Children.Of(this));
        _ = new Route("public-default", new RouteArgs { RouteTableId = publicRoutes.Id, DestinationCidrBlock = "0.0.0.0/0", GatewayId = gateway.Id }, Children.Of(this));

        var natByZone = new Dictionary<string, NatGateway>(StringComparer.Ordinal);
        foreach (string zone in plan.NatGatewayZones)
        {
            SubnetPlan publicSubnet = plan.Subnets.First(s => s.Tier == SubnetTier.Public && s.AvailabilityZone == zone);
            string suffix = publicSubnet.LogicalName["public-".Length..];
            var eip = new Eip($"nat-eip-{suffix}", new EipArgs { Domain = "vpc", Tags = Tags($"{plan.VpcName}-nat-{suffix}") }, Children.Of(this));
            natByZone[zone] = new NatGateway($"nat-{suffix}", new NatGatewayArgs
            {
                AllocationId = eip.Id,
                SubnetId = subnets[publicSubnet.LogicalName].Id,
                Tags = Tags($"{plan.VpcName}-nat-{suffix}"),
            }, new CustomResourceOptions { Parent = this, DependsOn = { gateway } });
        }

        var endpointRouteTables = new List<Output<string>>();
        foreach (SubnetPlan s in plan.Subnets)
        {
            RouteTable table;
            switch (s.Tier)
            {
                case SubnetTier.Public:
                    table = publicRoutes;
                    break;
                case SubnetTier.Private:
                    table = new RouteTable($"{s.LogicalName}-routes", new RouteTableArgs { VpcId = vpc.Id, Tags = Tags($"{s.Name}-routes") }, Children.Of(this));
                    // The zone's own NAT gateway when there is one per AZ; otherwise the single one.
                    NatGateway nat = natByZone.TryGetValue(s.AvailabilityZone, out NatGateway? own) ? own : natByZone[plan.NatGatewayZones[0]];
                    _ = new Route($"{s.LogicalName}-default", new RouteArgs { RouteTableId = table.Id, DestinationCidrBlock = "0.0.0.0/0", NatGatewayId = nat.Id }, Children.Of(this));
                    endpointRouteTables.Add(table.Id);
                    break;
                default:
                    table = new RouteTable($"{s.LogicalName}-routes", new RouteTableArgs { VpcId = vpc.Id, Tags = Tags($"{s.Name}-routes") }, Children.Of(this));
                    endpointRouteTables.Add(table.Id);
                    break;
            }

            _ = new RouteTableAssociation($"{s.LogicalName}-routes", new RouteTableAssociationArgs { SubnetId = subnets[s.LogicalName].Id, RouteTableId = table.Id }, Children.Of(this));
        }

        var groups = new Dictionary<string, SecurityGroup>(StringComparer.Ordinal);
        foreach (SecurityTierPlan tier in plan.SecurityTiers)
        {
            groups[tier.LogicalName] = new SecurityGroup($"{tier.LogicalName}-sg", new SecurityGroupArgs
            {
                Name = tier.Name,
                Description = $"SecureCart {tier.LogicalName} tier",
                VpcId = vpc.Id,
                Egress = { new Pulumi.Aws.Ec2.Inputs.SecurityGroupEgressArgs { Protocol = "-1", FromPort = 0, ToPort = 0, CidrBlocks = { "0.0.0.0/0" } } },
                Tags = Tags(tier.Name),
            }, Children.Of(this));
        }

        Dictionary<string, Output<string>> prefixLists = plan.SecurityTiers.SelectMany(t => t.Ingress).Select(r => r.FromPrefixList).OfType<string>().Distinct(StringComparer.Ordinal)
            .ToDictionary(n => n, n => GetManagedPrefixList.Invoke(new GetManagedPrefixListInvokeArgs { Name = n }).Apply(l => l.Id), StringComparer.Ordinal);
        foreach (SecurityTierPlan tier in plan.SecurityTiers)
        {
            for (var i = 0; i < tier.Ingress.Length; i++)
            {
                IngressRulePlan rule = tier.Ingress[i];
                _ = new SecurityGroupRule($"{tier.LogicalName}-ingress-{i + 1}", new SecurityGroupRuleArgs
                {
                    Type = "ingress",
                    SecurityGroupId = groups[tier.LogicalName].Id,
                    Protocol = "tcp",
                    FromPort = rule.FromPort,
                    ToPort = rule.ToPort,
                    Description = rule.Description,
                    SourceSecurityGroupId = Children.Maybe(rule.FromTier is null ? null : groups[rule.FromTier].Id),
                    CidrBlocks = rule.FromCidr is null ? new InputList<string>() : new InputList<string> { rule.FromCidr },
                    PrefixListIds = rule.FromPrefixList is null ? new InputList<string>() : new InputList<string> { prefixLists[rule.FromPrefixList] },
                }, Children.Of(this));
            }
        }

        SecurityGroupIds = groups.ToImmutableDictionary(g => g.Key, g => g.Value.Id, StringComparer.Ordinal);

        foreach (string service in plan.GatewayEndpoints)
        {
            _ = new VpcEndpoint($"endpoint-{service}", new VpcEndpointArgs
            {
                VpcId = vpc.Id,
                ServiceName = $"com.amazonaws.{args.Region}.{service}",
                VpcEndpointType = "Gateway",
                RouteTableIds = endpointRouteTables,
                Tags = Tags($"{plan.VpcName}-{service}"),
            }, Children.Of(this));
        }

        foreach (string service in plan.InterfaceEndpoints)
        {
            _ = new VpcEndpoint($"endpoint-{service.Replace('.', '-')}", new VpcEndpointArgs
            {
                VpcId = vpc.Id,
                ServiceName = $"com.amazonaws.{args.Region}.{service}",
                VpcEndpointType = "Interface",
                PrivateDnsEnabled = true,
                SubnetIds = SubnetIds[SubnetTier.Private],
                SecurityGroupIds = { groups["endpoints"].Id },
                Tags = Tags($"{plan.VpcName}-{service}"),
            }, Children.Of(this));
        }

        RegisterOutputs(new Dictionary<string, object?> { ["vpcId"] = VpcId });
    }

    public Output<string> VpcId { get; }

    /// <summary>The account's zone for each of the plan's zone slots (zone-1…), resolved at deploy time.</summary>
    public ImmutableDictionary<string, Output<string>> ZoneNames { get; }

    public ImmutableDictionary<SubnetTier, Output<ImmutableArray<string>>> SubnetIds { get; }

    /// <summary>Security group id per tier logical name (alb, services, data, endpoints).</summary>
    public ImmutableDictionary<string, Output<string>> SecurityGroupIds { get; }
}
