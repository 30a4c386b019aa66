using SecureCart.Platform.ApiConformance.Tests.Conformance;

namespace SecureCart.Platform.ApiConformance.Tests.Numeric;

public sealed class NumericCheckTests
{
    [Theory]
    [InlineData("NumericNonIntegral", "ecs.ServiceArgs.desiredCount is Input<int>", "2.5 is not a whole number")]
    [InlineData("NumericDoubleForInt", "cloudwatch.MetricAlarmArgs.evaluationPeriods is Input<int>", "`Math.Ceiling(minutes)` is double, which does not convert to int")]
    [InlineData("NumericOutputIntForDouble", "cloudwatch.MetricAlarmArgs.threshold is Input<double>", "Output<int> does not convert to Input<double>")]
    public void Check_NumberOfTheWrongKind_IsAFindingNamingTheTableLine(string fixture, string property, string fault)
    {
        ConformanceReport report = Fixtures.Checker().Check([Fixtures.Load(fixture)]);

        Finding finding = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.NumericType, finding.Kind);
        Assert.Contains(property, finding.Message, StringComparison.Ordinal);
        Assert.Contains(fault, finding.Message, StringComparison.Ordinal);
        Assert.Contains("numeric-types.tsv line", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NumbersOfTheRightKind_AreCheckedWithoutFindings()
    {
        ConformanceReport report = Fixtures.Checker().Check([Fixtures.Load("NumericGood")]);

        Assert.True(report.Findings.Count == 0, report.Describe());
        Assert.Equal(4, report.NumericChecked);
    }

    [Fact]
    public void Check_TableDecides_TheSameValueIsFineWhereTheSdkTakesADouble()
    {
        var numbers = new NumericTypeTable([new NumericFact("aws", "ecs", "ServiceArgs", "desiredCount", NumericKind.Number, "test", 1)]);

        ConformanceReport report = Fixtures.Checker(numbers: numbers).Check([Fixtures.Load("NumericNonIntegral")]);

        Assert.True(report.Findings.Count == 0, report.Describe());
        Assert.Equal(1, report.NumericChecked);
    }

    [Fact]
    public void Check_NumberTheTableDoesNotKnow_IsAFinding()
    {
        var numbers = new NumericTypeTable([]);

        ConformanceReport report = Fixtures.Checker(numbers: numbers).Check([Fixtures.Load("NumericNonIntegral")]);

        Finding finding = Assert.Single(report.Findings);
        Assert.Contains("ecs.ServiceArgs.desiredCount is a number in @pulumi/aws", finding.Message, StringComparison.Ordinal);
        Assert.Contains("does not say whether the C# SDK takes int or double", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_EveryLineCitesItsSourceOnce()
    {
        NumericTypeTable table = NumericTypeTable.Load(NumericTypeTable.DefaultPath);

        Assert.NotEmpty(table.Facts);
        Assert.All(table.Facts, f => Assert.StartsWith("pulumi/pulumi-aws sdk/dotnet/", f.Source, StringComparison.Ordinal));
        Assert.All(table.Facts, f => Assert.Matches("@[0-9a-f]{40}", f.Source));
        Assert.Equal(table.Facts.Count, table.Facts.Select(f => (f.Package, f.Module, f.Shape, f.Property)).Distinct().Count());
    }

    [Fact]
    public void Load_UnknownKind_RefusedWithTheLine()
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, "aws\tecs\tServiceArgs\tdesiredCount\tfloat\tsomewhere\n");

        FormatException error = Assert.Throws<FormatException>(() => NumericTypeTable.Load(path));

        Assert.Contains(":1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'float'", error.Message, StringComparison.Ordinal);
        File.Delete(path);
    }
}
