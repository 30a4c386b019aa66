using System.Globalization;
using System.Text.Json;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.CostDelta;

/// <summary>
/// Maps a resource's inputs onto the plan's price book SKUs (Plan/Cost/prices.json) and prices a month of it.
/// Only the mapping lives here; every price comes from <see cref="PriceBook"/>.
/// </summary>
public sealed class ResourcePricer(PriceBook prices)
{
    public PriceBook Prices => prices;

    /// <summary>The monthly price of <paramref name="units"/> in <paramref name="region"/>, or null with the reason.</summary>
    public (decimal? Monthly, string Basis) Monthly(IReadOnlyList<PricedUnit> units, string? region)
    {
        ArgumentNullException.ThrowIfNull(units);
        var hours = (decimal)prices.HoursPerMonth;

        if (region is null)
        {
            return (null, "region unknown (pass --region or run the preview with the stack's aws:region config)");
        }

        decimal total = 0;
        var basis = new List<string>();
        foreach (var (sku, quantity, perHour) in units)
        {
            if (quantity == 0)
            {
                continue;
            }

            if (prices.Find(region, sku) is not { } price)
            {
                return (null, $"no price for {sku} in {region}");
            }

            total += price * quantity * (perHour ? hours : 1m);
            basis.Add(quantity == 1 ? sku : $"{quantity.ToString(CultureInfo.InvariantCulture)} × {sku}");
        }

        return (decimal.Round(total, 2), string.Join(" + ", basis));
    }

    /// <summary>The SKUs a resource is billed by, from its inputs; empty when it is usage-priced or not modelled.</summary>
    public static System.Collections.Immutable.ImmutableArray<PricedUnit> Units(ResourceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var units = UnitsOf(state);

        // Most resources are not priced by the hour or month: no iterator and array for them on every step.
        return units.Count == 0 ? [] : [.. units.Select(u => new PricedUnit(u.Sku, u.Quantity, u.PerHour))];
    }

    private static List<(string Sku, decimal Quantity, bool PerHour)> UnitsOf(ResourceState state)
    {
        var inputs = state.Inputs;
        string? Text(string name) => PropertyPath.Resolve(inputs, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
        decimal Count(string name, decimal fallback) =>
            PropertyPath.Resolve(inputs, name) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : fallback;
        bool Flag(string name) => PropertyPath.Resolve(inputs, name).ValueKind == JsonValueKind.True;

        switch (state.Type)
        {
            case "aws:rds/instance:Instance" when Text("instanceClass") is { } instanceClass:
                var copies = Flag("multiAz") ? 2m : 1m;
                return
                [
                    ($"rds.{instanceClass}.hour", copies, true),
                    ("rds.gp3.gb-month", Count("allocatedStorage", 0) * copies, false),
                ];
            case "aws:rds/clusterInstance:ClusterInstance" when Text("instanceClass") is { } clusterClass:
                return [($"rds.{clusterClass}.hour", 1, true)];
            case "aws:elasticache/replicationGroup:ReplicationGroup" when Text("nodeType") is { } nodeType:
                var nodes = PropertyPath.Resolve(inputs, "numCacheClusters").ValueKind == JsonValueKind.Number
                    ? Count("numCacheClusters", 1)
                    : Count("numNodeGroups", 1) * (Count("replicasPerNodeGroup", 0) + 1);
                return [($"elasticache.{nodeType}.hour", nodes, true)];
            case "aws:elasticache/cluster:Cluster" when Text("nodeType") is { } clusterNode:
                return [($"elasticache.{clusterNode}.hour", Count("numCacheNodes", 1), true)];
            case "aws:ec2/instance:Instance" when Text("instanceType") is { } instanceType:
                return [($"ec2.{instanceType}.hour", 1, true)];
            case "aws:ec2/natGateway:NatGateway":
                return [("natgateway.hour", 1, true)];
            case "aws:lb/loadBalancer:LoadBalancer" or "aws:alb/loadBalancer:LoadBalancer" when (Text("loadBalancerType") ?? "application") == "application":
                return [("alb.hour", 1, true)];
            case "aws:ec2/vpcEndpoint:VpcEndpoint" when Text("vpcEndpointType") == "Interface":
                var subnets = PropertyPath.Resolve(inputs, "subnetIds") is { ValueKind: JsonValueKind.Array } ids ? ids.GetArrayLength() : 1;
                return [("vpc-endpoint.interface.hour", Math.Max(subnets, 1), true)];
            case "aws:globalaccelerator/accelerator:Accelerator":
                return [("globalaccelerator.hour", 1, true)];
            case "aws:kms/key:Key":
                return [("kms.key-month", 1, false)];
            case "aws:secretsmanager/secret:Secret":
                return [("secretsmanager.secret-month", 1, false)];
            case "aws:cloudwatch/metricAlarm:MetricAlarm":
                return [("cloudwatch.alarm-month", 1, false)];
            case "aws:cloudwatch/dashboard:Dashboard":
                return [("cloudwatch.dashboard-month", 1, false)];
            case "aws:route53/zone:Zone":
                return [("route53.zone-month", 1, false)];
            case "aws:wafv2/webAcl:WebAcl":
                var rules = PropertyPath.Resolve(inputs, "rules") is { ValueKind: JsonValueKind.Array } list ? list.GetArrayLength() : 0;
                return rules == 0 ? [("waf.webacl-month", 1, false)] : [("waf.webacl-month", 1, false), ("waf.rule-month", rules, false)];
            default:
                return [];
        }
    }
}
