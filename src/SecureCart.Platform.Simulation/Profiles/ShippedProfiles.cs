using System.Reflection;

namespace SecureCart.Platform.Simulation.Profiles;

/// <summary>The example profiles shipped inside the tool (Profiles/Shipped/*.yaml), by name.</summary>
public static class ShippedProfiles
{
    private const string Prefix = "SecureCart.Platform.Simulation.Profiles.";

    public static IReadOnlyList<string> Names { get; } =
        [.. Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".yaml".Length]).Order(StringComparer.Ordinal)];

    public static ProfileLoadResult Load(string name, IReadOnlyCollection<string> stacks)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + name + ".yaml")
            ?? throw new ArgumentException($"No shipped profile '{name}'; shipped: {string.Join(", ", Names)}", nameof(name));
        using var reader = new StreamReader(stream);
        return ProfileLoader.Load(name + ".yaml", reader, stacks);
    }

    public static string Text(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + name + ".yaml")
            ?? throw new ArgumentException($"No shipped profile '{name}'; shipped: {string.Join(", ", Names)}", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Assembly Assembly => typeof(ShippedProfiles).Assembly;
}
