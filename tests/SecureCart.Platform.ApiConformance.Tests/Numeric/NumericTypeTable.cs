using SecureCart.Platform.ApiConformance.Tests.Overrides;

namespace SecureCart.Platform.ApiConformance.Tests.Numeric;

/// <summary>
/// The C# numeric type of every numeric provider input the program sets. The npm declarations say only
/// <c>number</c> and the compile-only stand-in makes every number a double, so neither can tell an
/// <c>Input&lt;int&gt;</c> from an <c>Input&lt;double&gt;</c>; this table carries that fact, read from the provider's
/// own sources (each line names its source file and commit).
/// </summary>
internal sealed class NumericTypeTable(IReadOnlyList<NumericFact> facts)
{
    private readonly Dictionary<(string, string, string, string), NumericFact> _facts =
        facts.ToDictionary(f => (f.Package, f.Module, f.Shape, f.Property));

    public IReadOnlyList<NumericFact> Facts { get; } = facts;

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Overrides", "numeric-types.tsv");

    public static NumericTypeTable Load(string path)
    {
        var facts = new List<NumericFact>();
        foreach (var (line, cells) in OverrideFile.Rows(path))
        {
            if (cells.Length != 6 || cells[5].Trim().Length == 0)
            {
                throw new FormatException($"{path}:{line}: expected package, module, shape, property, integer|number and source (six tab-separated cells).");
            }

            NumericKind kind = cells[4] switch
            {
                "integer" => NumericKind.Integer,
                "number" => NumericKind.Number,
                _ => throw new FormatException($"{path}:{line}: type '{cells[4]}' is neither 'integer' nor 'number'."),
            };
            facts.Add(new NumericFact(cells[0], cells[1], cells[2], cells[3], kind, cells[5].Trim(), line));
        }

        return new NumericTypeTable(facts);
    }

    public NumericFact? Find(string package, string module, string shape, string property) =>
        _facts.GetValueOrDefault((package, module, shape, property));
}
