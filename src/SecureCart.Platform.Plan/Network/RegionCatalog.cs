using System.Collections.Frozen;
using System.Text.Json;

namespace SecureCart.Platform.Plan.Network;

/// <summary>
/// What the plan knows about each commercial Region without asking AWS: how many Availability Zones an account
/// can use there (Network/regions.json, with its sources). A Region missing from the file plans with the default
/// (every Region AWS has opened since 2014 offers at least three); the deploy checks the account's real zones.
/// </summary>
public sealed class RegionCatalog
{
    private static readonly Lazy<RegionCatalog> s_default = new(LoadEmbedded);
    private readonly FrozenDictionary<string, int> _zones;

    private RegionCatalog(string asOf, int defaultZones, FrozenDictionary<string, int> zones)
    {
        AsOf = asOf;
        DefaultZones = defaultZones;
        _zones = zones;
    }

    public static RegionCatalog Default => s_default.Value;

    public string AsOf { get; }

    public int DefaultZones { get; }

    /// <summary>The commercial Regions the file lists, in order.</summary>
    public IEnumerable<string> Regions => _zones.Keys.Order(StringComparer.Ordinal);

    public bool Knows(string region) => _zones.ContainsKey(region);

    /// <summary>Zones an account can use in <paramref name="region"/>, or the default for a Region the file does not list.</summary>
    public int ZonesIn(string region) => _zones.TryGetValue(region, out var zones) ? zones : DefaultZones;

    public static RegionCatalog Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new RegionCatalog(
            root.GetProperty("asOf").GetString()!,
            root.GetProperty("defaultZones").GetInt32(),
            root.GetProperty("regions").EnumerateObject().ToFrozenDictionary(r => r.Name, r => r.Value.GetInt32(), StringComparer.Ordinal));
    }

    private static RegionCatalog LoadEmbedded()
    {
        using var stream = typeof(RegionCatalog).Assembly.GetManifestResourceStream("SecureCart.Platform.Plan.Network.regions.json")
            ?? throw new InvalidOperationException("Network/regions.json is not embedded in the assembly");
        return Parse(stream);
    }
}
