using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Plan.Tests.Recovery;

public sealed class RecoveryPlannerTests
{
    [Fact]
    public void Plan_ShippedStacks_EachKeepsTheOthersCopies()
    {
        var us = PlanFixtures.Plan("prod-us");
        var eu = PlanFixtures.Plan("prod-eu");

        Assert.Equal(("prod-eu", "eu-west-1", "prod-eu"), (us.Recovery!.KeptByStack, us.Recovery.KeptByRegion, us.Recovery.ProtectsStack));
        Assert.Equal(("prod-us", "us-east-1", "prod-us"), (eu.Recovery!.KeptByStack, eu.Recovery.KeptByRegion, eu.Recovery.ProtectsStack));
        Assert.Equal("securecart-prod-us-postgres", eu.Data.Standby!.SourceIdentifier);
        Assert.Equal("us-east-1", eu.Data.Standby.SourceRegion);
        Assert.Equal("securecart-prod-eu-postgres", us.Data.Standby!.SourceIdentifier);
        Assert.Equal("arn:aws:rds:us-east-1:123456789012:db:securecart-prod-us-postgres", eu.Data.Standby.SourceArn("123456789012"));
        // The standby is promoted into the writer: it has the writer's class, and restores reach as far back as the source's.
        Assert.Equal(us.Data.Rds.InstanceClass, eu.Data.Standby.InstanceClass);
        Assert.Equal(us.Data.Rds.BackupRetentionDays, eu.Data.Standby.BackupRetentionDays);
    }

    [Theory]
    [InlineData("prod-us")]
    [InlineData("prod-eu")]
    public void Plan_Production_PublishesRpoAndRtoForEveryStore(string stack)
    {
        var objectives = PlanFixtures.Plan(stack).Recovery!.Objectives;

        foreach (var store in new[] { "PostgreSQL", "DynamoDB", "ElastiCache", "SQS", "S3", "Step Functions" })
        {
            Assert.Contains(objectives, o => o.Store.StartsWith(store, StringComparison.Ordinal) && o.Failure.StartsWith("region", StringComparison.Ordinal));
        }

        Assert.All(objectives, o => Assert.StartsWith("https://docs.aws.amazon.com/", o.Source, StringComparison.Ordinal));
        var region = objectives.Single(o => o.Store.StartsWith("PostgreSQL", StringComparison.Ordinal) && o.Failure == "region");
        Assert.Contains("promote the standby replica", region.Mechanism, StringComparison.Ordinal);
        Assert.Contains(objectives, o => o.Failure == "region, standby unusable" && o.Mechanism.Contains("replicated", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_HomeStack_StaticAssetsFailOverWithinTheReplicationWindow()
    {
        var s3 = PlanFixtures.Plan("prod-us").Recovery!.Objectives.Single(o => o.Store == "S3 static assets");

        Assert.StartsWith("15 min", s3.Rpo, StringComparison.Ordinal);
        Assert.Contains("eu-west-1", s3.Mechanism, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RegionFailurePath_AutomaticStepsFirstThenPromotionInThePartner()
    {
        var path = PlanFixtures.Plan("prod-us").Recovery!.RegionFailurePath;

        var firstRunbook = path.ToList().FindIndex(s => s.StartsWith("runbook:", StringComparison.Ordinal));
        Assert.True(firstRunbook > 0);
        Assert.All(path.Take(firstRunbook), s => Assert.StartsWith("automatic:", s, StringComparison.Ordinal));
        Assert.All(path.Skip(firstRunbook), s => Assert.StartsWith("runbook:", s, StringComparison.Ordinal));
        Assert.Contains(path, s => s.Contains("promote", StringComparison.Ordinal) && s.Contains("prod-eu", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_OnlyStack_NoStandbyAndSaysBackupsStayInTheRegion()
    {
        var only = PlanFixtures.Settings("prod-us");

        var plan = RegionalPlanner.Plan(only, [only]);

        Assert.Null(plan.Data.Standby);
        Assert.Null(plan.Edge!.CloudFront.StaticReplication);
        Assert.Null(plan.Recovery!.KeptByStack);
        var region = plan.Recovery.Objectives.Single(o => o.Store.StartsWith("PostgreSQL", StringComparison.Ordinal) && o.Failure == "region");
        Assert.Equal("none: backups stay in the region", region.Mechanism);
        Assert.Contains(plan.Recovery.RegionFailurePath, s => s.Contains("unavailable until the region returns", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_PreviewProfile_NoStandby()
    {
        var plan = PlanFixtures.Plan("prod-eu", s => s with { Profile = SizeProfile.Preview });

        Assert.Null(plan.Data.Standby);
    }

    [Fact]
    public void Plan_ThirdRegion_RingOfPartners()
    {
        var settings = PlanFixtures.Shipped.Stacks.ToList();
        settings.Add(settings[0] with { StackName = "prod-usw", Region = "us-west-2", IsHome = false });

        var plans = settings.ToDictionary(s => s.StackName, s => RegionalPlanner.Plan(s, settings));

        // Region order eu-west-1, us-east-1, us-west-2: each hosts the copies of the one before it.
        Assert.Equal("prod-eu", plans["prod-us"].Data.Standby!.SourceStack);
        Assert.Equal("prod-us", plans["prod-usw"].Data.Standby!.SourceStack);
        Assert.Equal("prod-usw", plans["prod-eu"].Data.Standby!.SourceStack);
        Assert.Equal("prod-usw", plans["prod-us"].Recovery!.KeptByStack);
    }
}
