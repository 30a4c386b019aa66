namespace SecureCart.Platform.ApiConformance.Tests.Declarations;

/// <summary>A TypeScript interface or class body: its property names and the first line of each type.</summary>
internal sealed class TsShape(string name)
{
    public string Name { get; } = name;

    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);
}
