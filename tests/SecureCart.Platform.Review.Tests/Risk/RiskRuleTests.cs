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
    public void Review_PlainTextSecretsNested_NamesEachByItsFullPath()
    {
        var file = Path.Combine(Path.GetTempPath(), $"securecart-sc011-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            {"steps": [{"op": "create", "urn": "urn:pulumi:prod-us::securecart::aws:ecs/taskDefinition:TaskDefinition::api",
              "newState": {"urn": "urn:pulumi:prod-us::securecart::aws:ecs/taskDefinition:TaskDefinition::api", "custom": true,
                "type": "aws:ecs/taskDefinition:TaskDefinition", "id": "api",
                "inputs": {
                  "family": "api",
                  "containers": [{"name": "web", "env": {"dbPassword": "plain-1", "apiToken": "[secret]"}}, "skipped",
                                 {"name": "worker", "env": {"dbPassword": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "x"}}},
                                 [{"secretKey": "plain-2"}]],
                  "masterPassword": "plain-3",
                  "sealed": {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "plaintext": "{\"password\": \"inside\"}"},
                  "__defaults": [], "passwordLength": 24, "tokenEnabled": "true"
                }, "outputs": {}}}],
             "changeSummary": {"create": 1}}
            """);
        try
        {
            var result = new ChangeReviewer().ReviewFile(file);

            var details = result.Findings.Where(f => f.Rule.Id == "SC011").Select(f => f.Detail).ToList();
            Assert.Equal(
                [
                    "`containers[0].env.dbPassword` of api holds a plain-text value (shown here as [hidden: plain text in state])",
                    "`containers[3][0].secretKey` of api holds a plain-text value (shown here as [hidden: plain text in state])",
                    "`masterPassword` of api holds a plain-text value (shown here as [hidden: plain text in state])",
                ],
                details);
        }
        finally
        {
            File.Delete(file);
        }
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
