using SecureCart.Platform.ApiConformance.Tests.Declarations;
using SecureCart.Platform.ApiConformance.Tests.Numeric;

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
        var numbers = NumericTypeTable.Load(NumericTypeTable.DefaultPath);
        var checker = new ConformanceChecker(ApiCatalog.Installed, PropertyRenameTable.Load(PropertyRenameTable.DefaultPath), ProgramSources.RepositoryTypeNames(root), numbers);

        // The good fixtures ride along so that one walk also shows every numeric-types.tsv line is still set somewhere.
        ConformanceReport report = checker.Check([.. files, Fixtures.Load("Good"), Fixtures.Load("NumericGood")]);

        Assert.True(report.Findings.Count == 0, $"{report.Findings.Count} findings:{Environment.NewLine}{report.Describe()}");
        Assert.True(report.TypeReferences > 0, "no Pulumi.Aws / Pulumi.Awsx type found in the program");
        Assert.True(report.PropertiesChecked > 0, "no provider property checked in the program");
        Assert.True(report.NumericChecked > 0, "no numeric provider input checked against Overrides/numeric-types.tsv");
        Assert.Empty(numbers.Facts.Except(report.NumericFactsUsed).Select(f => $"numeric-types.tsv line {f.Line}: {f.Module}.{f.Shape}.{f.Property} is set nowhere; remove it"));
    }
}
