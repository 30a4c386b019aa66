namespace SecureCart.Platform.Review.CostDelta;

/// <summary>A quantity of one price-book SKU; per hour (times the book's hours per month) or per month.</summary>
public sealed record PricedUnit(string Sku, decimal Quantity, bool PerHour);
