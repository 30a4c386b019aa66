using System.Collections.Immutable;

namespace SecureCart.Platform.Review.CostDelta;

/// <summary>The monthly cost the preview adds or removes, resource by resource.</summary>
public sealed record CostDeltaReport(string? Region, string PriceSource, string PriceAsOf, ImmutableArray<CostLine> Lines)
{
    public decimal MonthlyDelta => Lines.Sum(l => l.MonthlyDelta ?? 0m);

    public IEnumerable<CostLine> Priced => Lines.Where(l => l.MonthlyDelta is not null);

    public IEnumerable<CostLine> Unpriced => Lines.Where(l => l.MonthlyDelta is null);
}
