namespace SecureCart.Platform.ApiConformance.Tests.Declarations;

/// <summary>One module of a package: a folder of `.d.ts` files plus its slices of `types/input`, `types/output` and `types/enums`.</summary>
internal sealed class TsModule(string name)
{
    public string Name { get; } = name;

    public Dictionary<string, TsResource> Resources { get; } = new(StringComparer.Ordinal);

    /// <summary>Top-level interfaces of the module's own files: `XArgs`, `XState`, `GetXArgs`, `GetXResult`, ….</summary>
    public Dictionary<string, TsShape> Interfaces { get; } = new(StringComparer.Ordinal);

    /// <summary>Exported functions by name (`getAvailabilityZones`, `getAvailabilityZonesOutput`).</summary>
    public HashSet<string> Functions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TsShape> InputTypes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TsShape> OutputTypes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HashSet<string>> Enums { get; } = new(StringComparer.Ordinal);
}
