using System.Collections.Immutable;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Data;
using SecureCart.Platform.Plan.Naming;

namespace SecureCart.Platform.Plan.Edge;

/// <summary>
/// Decides which API paths CloudFront may cache: those of a routed service whose every access is to a table shared by
/// all visitors. A service that touches sessions or carts, sends to a queue or publishes events answers per visitor or
/// changes state, so its responses are never cached.
/// </summary>
public static class EdgeCachePlanner
{
    /// <summary>A product page may show a price or stock figure up to a minute old; a sale's traffic hits the edge, not the catalog.</summary>
    public const int DefaultTtlSeconds = 60;

    public const int MaxTtlSeconds = 300;

    public static ImmutableArray<EdgeCachePlan> Plan(ResourceNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var perVisitorTables = TableDefinition.All.Where(t => t.Traffic == TableTraffic.FollowsVisitors).Select(t => t.LogicalName).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. ServiceCatalog.Services
                .Where(s => s.PathPattern is not null && s.Access.Any(a => IsTableAccess(a.Kind))
                && s.Access.Where(a => !a.IsNetwork).All(a => IsTableAccess(a.Kind) && !perVisitorTables.Contains(a.Resource)))
                .Select(s => new EdgeCachePlan(
                    names.Physical($"{s.Name}-cache"),
                    s.PathPattern!,
                    s.Name,
                    MinTtlSeconds: 0,
                    DefaultTtlSeconds,
                    MaxTtlSeconds,
                    // Filters and pages are in the query string: each combination is its own object.
                    QueryStringBehavior: "all",
                    CookieBehavior: "none",
                    HeaderBehavior: "none",
                    $"{s.Name} reads only shared tables ({string.Join(", ", s.Access.Where(a => !a.IsNetwork).Select(a => a.Resource))}): GET responses are the same for every visitor"))
        ];
    }

    private static bool IsTableAccess(AccessKind kind) => kind is AccessKind.TableRead or AccessKind.TableReadWrite;
}
