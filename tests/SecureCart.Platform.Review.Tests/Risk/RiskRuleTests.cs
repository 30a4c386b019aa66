using SecureCart.Platform.Review.Risk;

namespace SecureCart.Platform.Review.Tests.Risk;

public sealed class RiskRuleTests
{
    [Theory]
    [InlineData("SC000", "risk/SC000-unknown-op.json", Severity.Low)]
    [InlineData("SC001", "risk/SC001-stateful-replace.json", Severity.Critical)]
    [InlineData("SC002", "risk/SC002-protection-removed.json", Severity.High)]
    [InlineData("SC003", "risk/SC003-backup-retention-lowered.json", Severity.Medium)]
    [InlineData("SC004", "risk/SC004-multi-az-off.json", Severity.High)]
    [InlineData("SC005", "risk/SC005-encryption-off.json", Severity.High)]
    [InlineData("SC006", "risk/SC006-open-ingress.json", Severity.High)]
    [InlineData("SC007", "risk/SC007-iam-wildcard-action.json", Severity.High)]
    [InlineData("SC008", "risk/SC008-iam-wildcard-resource.json", Severity.Medium)]
    [InlineData("SC009", "risk/SC009-traffic-shift.json", Severity.Medium)]
    [InlineData("SC010", "risk/SC010-scaling-below-floor.json", Severity.Medium)]
    [InlineData("SC011", "risk/SC011-plaintext-secret.json", Severity.High)]
    [InlineData("SC012", "risk/SC012-preview-failed.json", Severity.Critical)]
    public void Review_FixtureForRule_RaisesExactlyThatRule(string ruleId, string fixture, Severity severity)
    {
        var result = Fixture.Review(fixture);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(ruleId, finding.Rule.Id);
        Assert.Equal(severity, finding.Severity);
        Assert.False(string.IsNullOrWhiteSpace(finding.Rule.Why));
        Assert.False(string.IsNullOrWhiteSpace(finding.Rule.Fix));
    }

    [Theory]
    [InlineData("risk/SC001-clean.json")]
    [InlineData("risk/SC002-clean.json")]
    [InlineData("risk/SC003-clean.json")]
    [InlineData("risk/SC004-clean.json")]
    [InlineData("risk/SC005-clean.json")]
    [InlineData("risk/SC006-clean.json")]
    [InlineData("risk/SC007-clean.json")]
    [InlineData("risk/SC008-clean.json")]
    [InlineData("risk/SC009-clean.json")]
    [InlineData("risk/SC010-clean.json")]
    [InlineData("risk/SC011-clean.json")]
    [InlineData("pulumi-cli/preview-aws-sg-replace.json")]
    [InlineData("pulumi-cli/preview-aws-kms-lambda-ssm-update.json")]
    public void Review_CleanFixture_RaisesNothing(string fixture)
    {
        var result = Fixture.Review(fixture);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Review_OpenIngress_NamesThePortAndTheWorldCidr()
    {
        var finding = Assert.Single(Fixture.Review("risk/SC006-open-ingress.json").Findings);

        Assert.Equal("bastion-sg allows tcp port 22 from ::/0", finding.Detail);
    }

    [Fact]
    public void Review_StatefulReplaceWithoutProtection_SaysDataIsLost()
    {
        var finding = Assert.Single(Fixture.Review("risk/SC001-stateful-replace.json").Findings);

        Assert.StartsWith("data is lost", finding.DataLoss);
        Assert.Contains("because engine changed", finding.Detail);
    }

    [Fact]
    public void Review_KmsKeyDeleteWithState_WalksDependenciesForTheBlastRadius()
    {
        var state = Export.StackState.Read(Fixture.Path("pulumi-cli/export-aws-kms-lambda-ssm-state.json"));

        var finding = Assert.Single(Fixture.Review("risk/SC001-kms-key-delete.json", new ReviewOptions { State = state }).Findings);

        Assert.Equal(Severity.High, finding.Severity);
        Assert.Contains("scheduled for deletion", finding.DataLoss);
        var names = finding.BlastRadius.Select(u => u[(u.LastIndexOf("::", StringComparison.Ordinal) + 2)..]).ToList();
        Assert.Equal(["api-key", "app-handler", "app-key-alias", "db-password"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Review_KmsKeyDeleteWithoutState_StillFindsDependentsInThePreview()
    {
        var finding = Assert.Single(Fixture.Review("risk/SC001-kms-key-delete.json").Findings);

        Assert.Empty(finding.BlastRadius);
    }

    [Fact]
    public void Review_StackExportAudit_JudgesResourcesAsTheyStand()
    {
        var result = Fixture.Review("pulumi-cli/export-aws-kms-lambda-ssm-state.json");

        Assert.Equal(9, result.Counts["same"]);
        Assert.DoesNotContain(result.Findings, f => f.Rule.Id == "SC011");
    }

    [Fact]
    public void Catalog_EveryRule_HasAUniqueIdAndText()
    {
        var ids = RiskRules.Catalog.Select(r => r.Id).ToList();

        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(16, ids.Count);
        Assert.All(RiskRules.Catalog, r => Assert.True(r.Title.Length > 0 && r.Why.Length > 20 && r.Fix.Length > 20));
    }
}
