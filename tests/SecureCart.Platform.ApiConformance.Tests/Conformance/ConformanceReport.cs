using SecureCart.Platform.ApiConformance.Tests.Numeric;

namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>The findings and what was checked; the counts let a test prove the walk saw the program.</summary>
internal sealed class ConformanceReport
{
    public List<Finding> Findings { get; } = [];

    public HashSet<string> TypesUsed { get; } = new(StringComparer.Ordinal);

    public int TypeReferences { get; set; }

    public int PropertiesChecked { get; set; }

    public int OutputsChecked { get; set; }

    public int EnumMembersChecked { get; set; }

    /// <summary>Places whose type only the compiler sees (var, target-typed new): the stand-in build checks those.</summary>
    public int LeftToCompiler { get; set; }

    public HashSet<PropertyRename> OverridesUsed { get; } = [];

    /// <summary>Numeric inputs whose int-or-double the check decided against Overrides/numeric-types.tsv.</summary>
    public int NumericChecked { get; set; }

    public HashSet<NumericFact> NumericFactsUsed { get; } = [];

    public string Describe() => Findings.Count == 0
        ? "no findings"
        : string.Join(Environment.NewLine, Findings.Select(f => f.ToString()));
}
