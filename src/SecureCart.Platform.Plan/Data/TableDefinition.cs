namespace SecureCart.Platform.Plan.Data;

/// <summary>The key schema of one of the shop's DynamoDB tables, shared by production and previews.</summary>
public sealed record TableDefinition(string LogicalName, string HashKey, string? RangeKey, string? TimeToLiveAttribute)
{
    /// <summary>Carts and sessions expire by TTL; the catalog is keyed by product and variant.</summary>
    public static IReadOnlyList<TableDefinition> All { get; } =
    [
        new("carts", "cartId", null, "expiresAt"),
        new("sessions", "sessionId", null, "expiresAt"),
        new("catalog", "productId", "variantId", null),
    ];
}
