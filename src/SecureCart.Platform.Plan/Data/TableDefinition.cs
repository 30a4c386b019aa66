namespace SecureCart.Platform.Plan.Data;

/// <summary>The key schema of one of the shop's DynamoDB tables, shared by production and previews.</summary>
/// <param name="Traffic">How the table's load behaves in a sale; it decides the capacity mode.</param>
/// <param name="ReadsPerRequest">Item reads one admitted API request makes on this table at most (4 KB units).</param>
/// <param name="WritesPerRequest">Item writes one admitted API request makes on this table at most (1 KB units).</param>
public sealed record TableDefinition(
    string LogicalName,
    string HashKey,
    string? RangeKey,
    string? TimeToLiveAttribute,
    TableTraffic Traffic,
    int ReadsPerRequest,
    int WritesPerRequest)
{
    /// <summary>Carts and sessions expire by TTL; the catalog is keyed by product and variant.</summary>
    public static IReadOnlyList<TableDefinition> All { get; } =
    [
        // Every page view reads the session and every cart change rewrites the cart: load follows visitors.
        new("carts", "cartId", null, "expiresAt", TableTraffic.FollowsVisitors, ReadsPerRequest: 1, WritesPerRequest: 1),
        new("sessions", "sessionId", null, "expiresAt", TableTraffic.FollowsVisitors, ReadsPerRequest: 1, WritesPerRequest: 1),
        // Catalog reads are cached at the edge and in Redis; writes come from merchandising, not from shoppers.
        new("catalog", "productId", "variantId", null, TableTraffic.ReadMostlyCached, ReadsPerRequest: 1, WritesPerRequest: 0),
    ];
}
