using System.Collections.Frozen;
using System.Text.Json;

namespace SecureCart.Platform.Plan.Cost;

/// <summary>
/// Public AWS list prices, read from Cost/prices.json (its sources and dates are in the file). Nothing is fetched
/// at run time. A Region or SKU the file lacks is simply unknown (<see cref="Find"/> returns null): callers
/// report it instead of refusing the plan. SKUs end in their unit: <c>.hour</c>, <c>-hour.*</c>,
/// <c>.gb-month</c>, <c>-month</c>, or are unitless factors.
/// </summary>
public sealed class PriceBook
{
    private static readonly Lazy<PriceBook> s_default = new(LoadEmbedded);
    private readonly FrozenDictionary<string, FrozenDictionary<string, decimal>> _regions;
    private readonly FrozenDictionary<string, decimal> _global;
    private readonly FrozenDictionary<string, FrozenSet<string>> _unpriced;
    private SavingsPlanRates _savingsPlans = SavingsPlanRates.None;

    private PriceBook(
        string source,
        string asOf,
        int hoursPerMonth,
        FrozenDictionary<string, FrozenDictionary<string, decimal>> regions,
        FrozenDictionary<string, decimal> global,
        FrozenDictionary<string, FrozenSet<string>> unpriced)
    {
        Source = source;
        AsOf = asOf;
        HoursPerMonth = hoursPerMonth;
        _regions = regions;
        _global = global;
        _unpriced = unpriced;
    }

    public static PriceBook Default => s_default.Value;

    public string Source { get; }

    public string AsOf { get; }

    public int HoursPerMonth { get; }

    /// <summary>The published Savings Plans discount rates the savings scenario uses (zero when the file has none).</summary>
    public SavingsPlanRates SavingsPlans => _savingsPlans;

    public IEnumerable<string> Regions => _regions.Keys.Order(StringComparer.Ordinal);

    public bool HasRegion(string region) => _regions.ContainsKey(region);

    /// <summary>Entries with one price in every Region.</summary>
    public IReadOnlyDictionary<string, decimal> Global => _global;

    /// <summary>The entries priced for <paramref name="region"/> itself (global entries not included).</summary>
    public IReadOnlyDictionary<string, decimal> RegionPrices(string region) =>
        _regions.TryGetValue(region, out var prices) ? prices : FrozenDictionary<string, decimal>.Empty;

    /// <summary>Regions the file records as lacking some prices.</summary>
    public IEnumerable<string> UnpricedRegions => _unpriced.Keys.Order(StringComparer.Ordinal);

    /// <summary>The entries the file records as having no citable price in <paramref name="region"/>.</summary>
    public IReadOnlySet<string> Unpriced(string region) =>
        _unpriced.TryGetValue(region, out var keys) ? keys : FrozenSet<string>.Empty;

    /// <summary>The price of <paramref name="sku"/> in <paramref name="region"/>, or a global price, or null.</summary>
    public decimal? Find(string region, string sku) =>
        _regions.TryGetValue(region, out var prices) && prices.TryGetValue(sku, out var price) ? price
        : _global.TryGetValue(sku, out var global) ? global
        : null;

    public decimal Get(string region, string sku) =>
        Find(region, sku) ?? throw new KeyNotFoundException($"No price for '{sku}' in {region}; add it to Cost/prices.json");

    public static PriceBook Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        static FrozenDictionary<string, decimal> Prices(JsonElement e) =>
            e.EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetDecimal(), StringComparer.Ordinal);
        var book = new PriceBook(
            root.GetProperty("source").GetString()!,
            root.GetProperty("asOf").GetString()!,
            root.GetProperty("hoursPerMonth").GetInt32(),
            root.GetProperty("regions").EnumerateObject().ToFrozenDictionary(r => r.Name, r => Prices(r.Value), StringComparer.Ordinal),
            Prices(root.GetProperty("global")),
            root.TryGetProperty("unpriced", out var unpriced)
                ? unpriced.EnumerateObject().ToFrozenDictionary(
                    r => r.Name,
                    r => r.Value.EnumerateArray().Select(k => k.GetString()!).ToFrozenSet(StringComparer.Ordinal),
                    StringComparer.Ordinal)
                : FrozenDictionary<string, FrozenSet<string>>.Empty);
        if (root.TryGetProperty("savingsPlans", out var plans))
        {
            var compute = plans.GetProperty("compute");
            var database = plans.GetProperty("database");
            book._savingsPlans = new SavingsPlanRates(
                plans.GetProperty("asOf").GetString()!,
                compute.GetProperty("fargateDiscount").GetDecimal(),
                compute.GetProperty("ec2Discount").GetDecimal(),
                compute.GetProperty("term").GetString()!,
                compute.GetProperty("source").GetString()!,
                database.GetProperty("instanceDiscount").GetDecimal(),
                database.GetProperty("term").GetString()!,
                database.GetProperty("source").GetString()!);
        }

        return book;
    }

    private static PriceBook LoadEmbedded()
    {
        using var stream = typeof(PriceBook).Assembly.GetManifestResourceStream("SecureCart.Platform.Plan.Cost.prices.json")
            ?? throw new InvalidOperationException("Cost/prices.json is not embedded in the assembly");
        return Parse(stream);
    }
}
