namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

public sealed class FixtureTests
{
    [Fact]
    public void Check_GoodFixture_HasNoFindingsAndCountsWhatItChecked()
    {
        ConformanceReport report = Fixtures.Checker().Check([Fixtures.Load("Good")]);

        Assert.True(report.Findings.Count == 0, report.Describe());
        Assert.Contains("Pulumi.Aws.Ec2.Vpc", report.TypesUsed);
        Assert.Contains("Pulumi.Aws.Ec2.Inputs.SecurityGroupIngressArgs", report.TypesUsed);
        Assert.Contains("Pulumi.Aws.Rds.InstanceType", report.TypesUsed);
        Assert.Contains("Pulumi.Awsx.Ec2.Inputs.NatGatewayConfigurationArgs", report.TypesUsed);
        Assert.True(report.PropertiesChecked >= 30, $"properties checked: {report.PropertiesChecked}");
        Assert.True(report.OutputsChecked >= 8, $"outputs checked: {report.OutputsChecked}");
        Assert.Equal(2, report.EnumMembersChecked);
        Assert.Contains(report.OverridesUsed, o => o is { Module: "s3", CSharpName: "BucketName" });
        Assert.Contains(report.OverridesUsed, o => o is { Package: "awsx", CSharpName: "AwsVpc" });
    }

    [Theory]
    [InlineData("MisspeltProperty", FindingKind.UnknownProperty, "declares no 'cidrBlok'")]
    [InlineData("PropertyOnWrongType", FindingKind.UnknownProperty, "SubnetArgs.EnableDnsHostnames")]
    [InlineData("RemovedResourceType", FindingKind.UnknownType, "no module 'opsworks'")]
    [InlineData("WrongEnumMember", FindingKind.UnknownEnumMember, "has no member 'T3_Mikro'")]
    [InlineData("CollisionWithoutOverride", FindingKind.CollisionRename, "BucketArgs.Bucket")]
    [InlineData("MisspeltOutput", FindingKind.UnknownOutput, "declares no 'defaultSecurityGroup'")]
    [InlineData("UnknownSimpleName", FindingKind.UnknownType, "new Vcp")]
    public void Check_BadFixture_ReportsTheMistake(string fixture, FindingKind kind, string text)
    {
        ConformanceReport report = Fixtures.Checker().Check([Fixtures.Load(fixture)]);

        Assert.NotEmpty(report.Findings);
        Assert.All(report.Findings, f => Assert.Equal(kind, f.Kind));
        Assert.All(report.Findings, f => Assert.Equal($"Fixtures/{fixture}.cs.txt", f.Path));
        Assert.Contains(report.Findings, f => f.Message.Contains(text, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_OverrideWithoutReason_IsAFinding()
    {
        var renames = new PropertyRenameTable([new PropertyRename("aws", "s3", "Bucket", "BucketName", "bucket", "", 3)]);

        ConformanceReport report = Fixtures.Checker(renames).Check([Fixtures.Load("Good")]);

        Assert.Contains(report.Findings, f => f.Kind == FindingKind.BadOverride && f.Message.Contains("has no reason", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("UndecidableVar")]
    [InlineData("TargetTypedNewForInput")]
    public void Check_TypeOnlyTheCompilerSees_LeftToTheStandInBuildNotAFinding(string fixture)
    {
        ConformanceReport report = Fixtures.Checker().Check([Fixtures.Load(fixture)]);

        Assert.True(report.Findings.Count == 0, report.Describe());
        Assert.True(report.LeftToCompiler > 0);
    }
}
