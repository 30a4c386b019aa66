using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SecureCart.Platform.ApiConformance.Tests.Numeric;

/// <summary>
/// The program's syntax trees bound against the .NET libraries and the plan (this test process's own assemblies):
/// enough for the compiler to type the numbers the program computes, though the Pulumi types stay unresolved.
/// </summary>
internal static class ProgramCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        [.. ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !Path.GetFileName(path).StartsWith("SecureCart.Platform.ApiConformance", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))]);

    // The SDK's implicit usings (ImplicitUsings=enable) live in obj/, which the check does not read.
    private const string ImplicitUsings =
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
        "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    public static Compilation Create(IReadOnlyList<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "conformance-program",
            trees.Append(CSharpSyntaxTree.ParseText(ImplicitUsings, (CSharpParseOptions?)(trees.Count > 0 ? trees[0].Options : null))),
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
