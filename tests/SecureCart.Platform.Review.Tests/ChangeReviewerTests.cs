namespace SecureCart.Platform.Review.Tests;

public sealed class ChangeReviewerTests
{
    [Fact]
    public void Review_EveryOperationKind_CountsEachResourceOnce()
    {
        var result = Fixture.Review("ops/every-operation.json");

        Assert.Equal(1, result.Counts["create"]);
        Assert.Equal(1, result.Counts["update"]);
        Assert.Equal(3, result.Counts["replace"]);
        Assert.Equal(1, result.Counts["delete"]);
        Assert.Equal(1, result.Counts["same"]);
        Assert.Equal(1, result.Counts["read"]);
        Assert.Equal(1, result.Counts["import"]);
        Assert.Equal(1, result.Counts["pending-delete"]);
        Assert.Equal(1, result.ReplaceStrategies["create-before-delete"]);
        Assert.Equal(1, result.ReplaceStrategies["delete-before-replace"]);
        Assert.Equal(1, result.ReplaceStrategies["unspecified"]);
    }

    [Fact]
    public void Review_ReplacementSteps_MergeIntoOneChangeWithAPlainReason()
    {
        var change = Fixture.Review("ops/every-operation.json").Changes.Single(c => c.Name == "cbd-queue");

        Assert.Equal(["create-replacement", "replace", "delete-replaced"], change.Steps);
        Assert.Equal(ReplaceStrategy.CreateBeforeDelete, change.Strategy);
        Assert.Equal("`name` changes from \"a\" to \"b\", and the provider cannot change it in place", Assert.Single(change.ReplaceReasons));
    }

    [Fact]
    public void Review_RealSecurityGroupReplace_ListsPropertiesOldToNew()
    {
        var result = Fixture.Review("pulumi-cli/preview-aws-sg-replace.json");

        var sg = result.Changes.Single(c => c.Operation == "replace");
        Assert.Equal("test-sg", sg.Name);
        var description = sg.Properties.Single(p => p.Path == "description");
        Assert.Equal("\"Updated security group for testing\"", description.Old);
        Assert.Equal("\"Security group for drift-adopter testing\"", description.New);
        Assert.Equal("(none)", sg.Properties.Single(p => p.Path == "ingress[1]").New);
        Assert.Equal(3, result.Counts["update"]);
        Assert.Equal(1, result.Counts["same"]);
    }

    [Fact]
    public void Review_SecretsInPreview_StayMasked()
    {
        var result = Fixture.Review("pulumi-cli/preview-aws-kms-lambda-ssm-update.json");

        var value = result.Changes.Single(c => c.Name == "db-password").Properties.Single(p => p.Path == "value");
        Assert.Equal("[secret]", value.Old);
        Assert.Equal("[secret]", value.New);
    }

    [Fact]
    public void Review_PlainTextPassword_IsNeverPrintedInTheReport()
    {
        var result = Fixture.Review("risk/SC011-plaintext-secret.json");

        Assert.DoesNotContain("hunter2", result.Findings.Single().Detail);
    }

    [Fact]
    public void Review_FailedPreview_IsReportedAsFailedNotAsNoChanges()
    {
        var result = Fixture.Review("risk/SC012-preview-failed.json");

        Assert.True(result.Failed);
        Assert.False(result.HasChanges);
        Assert.Contains("TypeError", result.Findings.Single().Detail);
    }

    [Fact]
    public void Review_UnknownOperation_IsListedNotFatal()
    {
        var result = Fixture.Review("risk/SC000-unknown-op.json");

        Assert.Equal(["teleport"], result.UnknownOperations);
        Assert.Equal(1, result.Counts["teleport"]);
    }

    [Fact]
    public void Review_EventLogWithRepeatedEvents_CountsTheReplacementOnce()
    {
        var result = Fixture.Review("pulumi-cli/events-aws-ec2-replace.json");

        Assert.Equal(1, result.Counts["replace"]);
        Assert.Equal(2, result.Counts["same"]);
        Assert.False(result.Counts.ContainsKey("pending-delete"));
        Assert.Equal(ReplaceStrategy.CreateBeforeDelete, result.Changes.Single().Strategy);
    }
}
