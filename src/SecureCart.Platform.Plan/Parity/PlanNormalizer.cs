using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Parity;

/// <summary>
/// Plans a stack as if its declared per-stack settings (region, CIDR, home role, traffic dial, stack name)
/// had fixed placeholder values. What remains is what the stacks must agree on.
/// </summary>
public static class PlanNormalizer
{
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>How each per-stack key is set aside; the keys match the schema's PerStack keys (a test holds them together).</summary>
    public static FrozenDictionary<string, Func<StackSettings, StackSettings>> PerStackKeys { get; } =
        new Dictionary<string, Func<StackSettings, StackSettings>>
        {
            ["aws:region"] = s => s with { Region = "region-1" },
            ["home"] = s => s with { IsHome = false },
            ["vpcCidr"] = s => s with { VpcCidr = Ipv4Cidr.Parse("10.0.0.0/16") },
            ["trafficDial"] = s => s with { TrafficDial = 100 },
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static StackSettings Normalize(StackSettings stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        return PerStackKeys.Values.Aggregate(stack with { StackName = "stack" }, (s, normalize) => normalize(s));
    }

    /// <summary>The normalised plan as JSON; equal text means equal stacks.</summary>
    public static JsonNode NormalizedPlan(StackSettings stack)
    {
        var normalized = Normalize(stack);
        var plan = RegionalPlanner.Plan(normalized, [normalized]);
        return JsonSerializer.SerializeToNode(plan, JsonOptions)!;
    }
}
