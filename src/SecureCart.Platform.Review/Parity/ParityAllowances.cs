using System.Collections.Immutable;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Review.Parity;

/// <summary>
/// The only asymmetry parity accepts, taken from the plan: the logical names only the home stack owns,
/// the home stack's name, the per-stack VPC ranges, and the properties that carry a declared per-stack setting.
/// </summary>
public sealed record ParityAllowances
{
    public static ParityAllowances None { get; } = new();

    public ImmutableHashSet<string> HomeOnlyNames { get; init; } = [];

    public string? HomeStack { get; init; }

    /// <summary>Stack name → its VPC CIDR; addresses inside it are compared relative to its base.</summary>
    public ImmutableDictionary<string, string> VpcCidrs { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>`type` → property paths that carry a per-stack setting and may differ.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> SettingProperties { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>The allowances the plan declares; <paramref name="project"/> adds each stack's VPC range and the home stack.</summary>
    public static ParityAllowances FromPlan(ProjectConfiguration? project) => new()
    {
        HomeOnlyNames = project is null
            ? [.. EdgePlanner.AnyHomeStackLogicalNames]
            : [.. RegionalPlanner.Plan(project.Home, project.Stacks).HomeOnlyLogicalNames],
        HomeStack = project?.Stacks.FirstOrDefault(s => s.IsHome)?.StackName,
        VpcCidrs = project?.Stacks.ToImmutableDictionary(s => s.StackName, s => s.VpcCidr.ToString()!, StringComparer.Ordinal)
            ?? ImmutableDictionary<string, string>.Empty,

        // Declared per-stack settings (trafficDial…) and the resource inputs the schema says carry them.
        SettingProperties = StackSettingsSchema.PerStackProperties
            .GroupBy(p => p.Type, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.Select(p => p.Property).ToImmutableArray(), StringComparer.Ordinal),
    };

    public bool IsSetting(string type, string path) =>
        SettingProperties.TryGetValue(type, out var paths)
        && paths.Any(p => path == p || path.StartsWith(p + ".", StringComparison.Ordinal) || path.StartsWith(p + "[", StringComparison.Ordinal));
}
