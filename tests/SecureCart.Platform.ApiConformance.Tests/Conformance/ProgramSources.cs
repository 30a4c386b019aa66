using Microsoft.CodeAnalysis.CSharp;

namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>The Pulumi-facing C# of the repository and the names of every type declared under src/.</summary>
internal static class ProgramSources
{
    public const string InfraProject = "src/SecureCart.Platform.Infra";

    /// <summary>The projects whose C# is checked; the first must exist, the others are checked when present.</summary>
    public static readonly IReadOnlyList<string> Projects = [InfraProject, "src/SecureCart.Platform.Deploy", "src/SecureCart.Previews.Automation"];

    public static IReadOnlyList<SourceFile> Load(string root) =>
        Projects.Select(p => Path.Combine(root, p)).Where(Directory.Exists)
            .SelectMany(CSharpFiles)
            .Select(path => new SourceFile(Path.GetRelativePath(root, path).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();

    public static IReadOnlySet<string> RepositoryTypeNames(string root) =>
        CSharpFiles(Path.Combine(root, "src"))
            .SelectMany(path => ConformanceChecker.DeclaredTypeNames(CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetCompilationUnitRoot()))
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> CSharpFiles(string folder) =>
        !Directory.Exists(folder) ? [] : Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
}
