using System.Diagnostics;
using System.Xml.Linq;

namespace SecureCart.Platform.ApiConformance.Tests.Declarations;

public sealed class DtsParserTests
{
    [Fact]
    public void Parse_InstalledAws_FindsEveryKindOfDeclaration()
    {
        TsPackage aws = ApiCatalog.Installed.Aws;

        // Zero or tiny counts mean the generator's layout changed and the anchored regexes no longer match.
        Assert.True(aws.FileCount > 2000, $"files: {aws.FileCount}");
        Assert.True(aws.ResourceCount > 1500, $"resources: {aws.ResourceCount}");
        Assert.True(aws.InputTypeCount > 5000, $"input types: {aws.InputTypeCount}");
        Assert.True(aws.OutputTypeCount > 5000, $"output types: {aws.OutputTypeCount}");
        Assert.True(aws.FunctionCount > 500, $"functions: {aws.FunctionCount}");
        Assert.True(aws.EnumCount > 10, $"enums: {aws.EnumCount}");
        Assert.Contains("bucket", aws.Modules["s3"].Resources["Bucket"].Outputs.Properties.Keys);
        Assert.Contains("cidrBlock", aws.Modules["ec2"].Interfaces["VpcArgs"].Properties.Keys);
        Assert.Contains("fromPort", aws.Modules["ec2"].InputTypes["SecurityGroupIngress"].Properties.Keys);
        Assert.Contains("T3_Micro", aws.Modules["rds"].Enums["InstanceType"]);
        Assert.Contains("getAvailabilityZones", aws.Modules[TsPackage.RootModule].Functions);
        Assert.True(aws.Modules[TsPackage.RootModule].Resources["Provider"].IsCustom);
    }

    [Fact]
    public void Parse_InstalledAwsx_FindsComponentsNestedTypesAndEnums()
    {
        TsPackage awsx = ApiCatalog.Installed.Awsx;

        TsResource vpc = awsx.Modules["ec2"].Resources["Vpc"];
        Assert.Equal("ComponentResource", vpc.BaseType);
        Assert.Contains("privateSubnetIds", vpc.Outputs.Properties.Keys);
        Assert.Contains("strategy", awsx.Modules["ec2"].InputTypes["NatGatewayConfigurationArgs"].Properties.Keys);
        Assert.Contains("OnePerAz", awsx.Modules["ec2"].Enums["NatGatewayStrategy"]);
        Assert.DoesNotContain("classic", awsx.Modules.Keys);
    }

    [Fact]
    public void Parse_WholeAwsPackage_ReadsEveryResourceAndPrintsTheTime()
    {
        var clock = Stopwatch.StartNew();

        TsPackage aws = DtsParser.Parse(Path.Combine(RepositoryPaths.DeclarationsFolder, "node_modules", "@pulumi", "aws"), "aws");

        Assert.True(aws.ResourceCount > 0);
        // A figure to read, not a timed assertion: machines differ.
        TestContext.Current.SendDiagnosticMessage($"parsed {aws.FileCount} declaration files ({aws.ResourceCount} resources) in {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Theory]
    [InlineData("Pulumi.Aws", "aws")]
    [InlineData("Pulumi.Awsx", "awsx")]
    public void Installed_Version_MatchesDirectoryPackagesProps(string packageId, string npmName)
    {
        XDocument props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"));
        string? pinned = props.Descendants("PackageVersion").FirstOrDefault(e => (string?)e.Attribute("Include") == packageId)?.Attribute("Version")?.Value;
        // The version may be an MSBuild property ($(PulumiAwsVersion)) whose default is the real package's version.
        if (pinned is ['$', '(', .., ')'])
        {
            pinned = props.Descendants(pinned[2..^1]).FirstOrDefault()?.Value;
        }

        // The version may come from an MSBuild property (the stand-in check overrides it); its default is the real one.
        if (pinned is ['$', '(', .. var name, ')'])
        {
            pinned = props.Descendants(name).FirstOrDefault()?.Value;
        }

        Assert.NotNull(pinned);
        Assert.Equal(pinned, ApiCatalog.Installed.Package(npmName)!.Version);
    }

    [Fact]
    public void Load_WithoutNodeModules_SaysToRunNpmCi()
    {
        string empty = Directory.CreateTempSubdirectory("api-declarations").FullName;

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => ApiCatalog.Load(empty));

        Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
        Assert.Contains("eng/api-declarations", error.Message, StringComparison.Ordinal);
        Directory.Delete(empty);
    }
}
