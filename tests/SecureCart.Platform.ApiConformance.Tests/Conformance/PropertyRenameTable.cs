using SecureCart.Platform.ApiConformance.Tests.Overrides;

namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>The collision renames, keyed by package, module, class and C# name.</summary>
internal sealed class PropertyRenameTable(IReadOnlyList<PropertyRename> entries)
{
    private readonly Dictionary<(string, string, string, string), PropertyRename> _byCSharpName =
        entries.ToDictionary(e => (e.Package, e.Module, e.Class, e.CSharpName));

    public IReadOnlyList<PropertyRename> Entries { get; } = entries;

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Overrides", "property-renames.tsv");

    public static PropertyRenameTable Load(string path)
    {
        var entries = new List<PropertyRename>();
        foreach (var (line, cells) in OverrideFile.Rows(path))
        {
            if (cells.Length < 5)
            {
                throw new FormatException($"{path}:{line}: expected package, module, class, C# name, TypeScript name and reason.");
            }

            string reason = cells.Length > 5 ? cells[5].Trim() : "";
            entries.Add(new PropertyRename(cells[0], cells[1], cells[2], cells[3], cells[4], reason, line));
        }

        return new PropertyRenameTable(entries);
    }

    public PropertyRename? Find(string package, string module, string className, string csharpName) =>
        _byCSharpName.GetValueOrDefault((package, module, className, csharpName));
}
