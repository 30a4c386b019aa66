using System.Collections.Immutable;
using System.Globalization;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Cost;

/// <summary>
/// What a price file must hold true: only keys the cost model asks for, positive prices, factors between zero and one,
/// only Regions the Region catalog knows, and for every catalogued Region each key either priced or listed as
/// unpriced (never both). Each fault names the Region and the key, so the file can be fixed line by line.
/// </summary>
public static class PriceBookInvariants
{
    public static ImmutableArray<string> Check(PriceBook prices, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(catalog);
        var faults = ImmutableArray.CreateBuilder<string>();
        void Values(string where, IEnumerable<KeyValuePair<string, decimal>> entries)
        {
            foreach (var (key, value) in entries)
            {
                if (!PriceKeys.IsKnown(key))
                {
                    faults.Add($"{where}: '{key}' is not a key the cost model knows (Cost/PriceKeys.cs)");
                }
                else if (PriceKeys.Factors.Contains(key) ? value is <= 0 or >= 1 : value <= 0)
                {
                    faults.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: {key} = {value} is {(PriceKeys.Factors.Contains(key) ? "a factor outside (0, 1)" : "not positive")}"));
                }
            }
        }

        Values("global", prices.Global);
        foreach (var region in prices.Regions.Concat(prices.UnpricedRegions).Distinct(StringComparer.Ordinal))
        {
            if (!catalog.Knows(region))
            {
                faults.Add($"{region}: not a commercial Region in Network/regions.json");
            }

            Values(region, prices.RegionPrices(region));
            faults.AddRange(prices.Unpriced(region).Where(k => !PriceKeys.IsKnown(k)).Order(StringComparer.Ordinal)
                .Select(k => $"{region}: unpriced '{k}' is not a key the cost model knows (Cost/PriceKeys.cs)"));
        }

        foreach (var region in catalog.Regions)
        {
            var unpriced = prices.Unpriced(region);
            foreach (var key in PriceKeys.All.Order(StringComparer.Ordinal))
            {
                var priced = prices.Find(region, key) is not null;
                if (priced && unpriced.Contains(key))
                {
                    faults.Add($"{region}: {key} is both priced and listed as unpriced");
                }
                else if (!priced && !unpriced.Contains(key))
                {
                    faults.Add($"{region}: {key} is neither priced nor listed as unpriced");
                }
            }
        }

        return faults.ToImmutable();
    }
}
