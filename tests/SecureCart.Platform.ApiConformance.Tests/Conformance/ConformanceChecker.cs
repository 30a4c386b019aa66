using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureCart.Platform.ApiConformance.Tests.Declarations;
using SecureCart.Platform.ApiConformance.Tests.Numeric;

namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>Checks C# sources against the provider declarations; the entry point of the conformance check.</summary>
internal sealed class ConformanceChecker(ApiCatalog catalog, PropertyRenameTable renames, IReadOnlySet<string> repositoryTypeNames, NumericTypeTable numbers)
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Preview);

    public ConformanceReport Check(IReadOnlyList<SourceFile> files)
    {
        var report = new ConformanceReport();
        CheckOverrideReasons(report);
        var trees = files.Select(f => (File: f, Root: CSharpSyntaxTree.ParseText(f.Text, s_parseOptions, f.Path).GetCompilationUnitRoot())).ToList();
        var globalUsings = trees.SelectMany(t => t.Root.Usings).Where(u => u.GlobalKeyword != default).ToList();
        var declared = new HashSet<string>(repositoryTypeNames, StringComparer.Ordinal);
        declared.UnionWith(trees.SelectMany(t => DeclaredTypeNames(t.Root)));

        var mapper = new ApiTypeMapper(catalog);
        var known = new KnownTypeNames(declared);
        var members = new MemberChecker(renames, report);
        var numeric = new NumericChecker(numbers, ProgramCompilation.Create([.. trees.Select(t => t.Root.SyntaxTree)]), report);
        foreach ((SourceFile file, CompilationUnitSyntax root) in trees)
        {
            var names = new TypeNameResolver(root, globalUsings, mapper);
            new UsageWalker(file, names, known, members, numeric, report).Visit(root);
        }

        return report;
    }

    public static IEnumerable<string> DeclaredTypeNames(CompilationUnitSyntax root) =>
        root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText)
            .Concat(root.DescendantNodes().OfType<DelegateDeclarationSyntax>().Select(d => d.Identifier.ValueText));

    private void CheckOverrideReasons(ConformanceReport report)
    {
        foreach (PropertyRename entry in renames.Entries.Where(e => e.Reason.Length == 0))
        {
            report.Findings.Add(new Finding(FindingKind.BadOverride, "Overrides/property-renames.tsv", entry.Line,
                $"{entry.Package} {entry.Module}.{entry.Class}.{entry.CSharpName} ↔ {entry.WireName} has no reason"));
        }
    }
}
