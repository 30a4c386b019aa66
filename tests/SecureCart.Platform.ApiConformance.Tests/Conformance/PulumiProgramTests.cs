using SecureCart.Platform.ApiConformance.Tests.Declarations;

namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

public sealed class PulumiProgramTests
{
    [Fact]
    public void Check_PulumiProgram_UsesOnlyDeclaredApi()
    {
        string root = RepositoryPaths.Root;
        Assert.True(Directory.Exists(Path.Combine(root, ProgramSources.InfraProject)),
            $"{ProgramSources.InfraProject} does not exist: the conformance check has no Pulumi program to check.");
        IReadOnlyList<SourceFile> files = ProgramSources.Load(root);
        var checker = new ConformanceChecker(ApiCatalog.Installed, PropertyRenameTable.Load(PropertyRenameTable.DefaultPath), ProgramSources.RepositoryTypeNames(root));

        ConformanceReport report = checker.Check(files);

        Assert.True(report.Findings.Count == 0, $"{report.Findings.Count} findings:{Environment.NewLine}{report.Describe()}");
        Assert.True(report.TypeReferences > 0, "no Pulumi.Aws / Pulumi.Awsx type found in the program");
        Assert.True(report.PropertiesChecked > 0, "no provider property checked in the program");
    }
}
