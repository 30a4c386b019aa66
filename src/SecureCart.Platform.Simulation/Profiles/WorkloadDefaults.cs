using System.Collections.Immutable;

namespace SecureCart.Platform.Simulation.Profiles;

/// <summary>
/// What the shop's requests cost each part when a profile does not say: planning figures from load tests of
/// the services (per request entering a region), to be replaced by a profile's own measurements.
/// </summary>
public static class WorkloadDefaults
{
    public static ImmutableSortedDictionary<string, ServiceLoad> Services { get; } = new Dictionary<string, ServiceLoad>
    {
        // Page renders: most requests land on the storefront first.
        ["storefront"] = new(0.55, 120, 60),
        ["catalog"] = new(0.35, 150, 30),
        ["cart"] = new(0.15, 200, 25),
        ["checkout"] = new(0.03, 80, 120),
        ["orders"] = new(0.03, 150, 40),
        // Internal and queue work follows checkouts.
        ["payments"] = new(0.02, 60, 150),
        ["inventory"] = new(0.04, 200, 30),
        ["notifications"] = new(0.04, 300, 20),
        ["order-worker"] = new(0.02, 50, 200),
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    public static DatabaseLoad Database { get; } = new(0.3, 0.05, 5);

    public static CacheLoad Cache { get; } = new(2.0, 1);

    public static ImmutableSortedDictionary<string, TableLoad> Tables { get; } = new Dictionary<string, TableLoad>
    {
        ["carts"] = new(0.2, 0.1, 2_000, 1_000, 0.001),
        ["sessions"] = new(0.6, 0.1, 6_000, 1_000, 0.001),
        ["catalog"] = new(0.5, 0.0, 5_000, 100, 0.01),
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    public static ServiceLevel Slo { get; } = new(500, 0.1, 300);
}
