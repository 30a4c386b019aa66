using SecureCart.Platform.Plan.Audit;

namespace SecureCart.Platform.Plan.Tests.Audit;

public sealed class AuditPlannerTests
{
    [Fact]
    public void Plan_EveryStack_FlowLogsAllTrafficToARetainedLogGroup()
    {
        foreach (var stack in new[] { "prod-us", "prod-eu" })
        {
            var flows = PlanFixtures.Plan(stack).Audit.FlowLogs;

            Assert.Equal(("ALL", 90, 600), (flows.TrafficType, flows.RetentionDays, flows.MaxAggregationIntervalSeconds));
            Assert.Contains(stack, flows.LogGroupName, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("us-east-1", "arn:aws:iam::127311923021:root")]
    [InlineData("eu-west-1", "arn:aws:iam::156460612806:root")]
    // Opened after August 2022: Elastic Load Balancing writes as its log-delivery service.
    [InlineData("eu-central-2", "logdelivery.elasticloadbalancing.amazonaws.com")]
    [InlineData("ap-southeast-4", "logdelivery.elasticloadbalancing.amazonaws.com")]
    public void Plan_AlbLogBucket_LetsTheRegionsLoadBalancingWriterWrite(string region, string writer)
    {
        var alb = PlanFixtures.Plan("prod-eu", s => s with { Region = region }).Audit.AlbLogs;

        Assert.Equal(writer, alb.WriterPrincipal);
        Assert.Equal(writer.EndsWith(".amazonaws.com", StringComparison.Ordinal), alb.WriterIsService);
        Assert.Equal((AuditPlanner.S3ManagedEncryption, false), (alb.Encryption, alb.AclsEnabled));
    }

    [Fact]
    public void Plan_HomeStack_CreatesTheMultiRegionValidatedTrailAndCloudFrontsLogBucket_OthersDoNot()
    {
        var us = PlanFixtures.Plan("prod-us");
        var eu = PlanFixtures.Plan("prod-eu");

        var trail = Assert.IsType<TrailPlan>(us.Audit.Trail);
        Assert.Equal((true, true, true), (trail.MultiRegion, trail.LogFileValidation, trail.IncludeGlobalServiceEvents));
        Assert.Equal(("cloudtrail.amazonaws.com", 365), (trail.Bucket.WriterPrincipal, trail.Bucket.ExpirationDays));
        Assert.True(us.Audit.CloudFrontLogs!.AclsEnabled);
        Assert.Null(eu.Audit.Trail);
        Assert.Null(eu.Audit.CloudFrontLogs);
        Assert.Contains(TrailPlan.LogicalName, us.HomeOnlyLogicalNames);
        Assert.Contains("cloudfront-logs", us.HomeOnlyLogicalNames);
        Assert.Superset(us.Audit.HomeOnlyLogicalNames.ToHashSet(StringComparer.Ordinal), AuditPlanner.AnyHomeStackLogicalNames.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Plan_OrganizationTrail_TheHomeStackCreatesNoTrail()
    {
        var plan = PlanFixtures.Plan("prod-us", s => s with { AuditTrail = AuditTrailMode.Organization });

        Assert.Null(plan.Audit.Trail);
        Assert.Equal(AuditTrailMode.Organization, plan.Audit.TrailMode);
        Assert.DoesNotContain(TrailPlan.LogicalName, plan.HomeOnlyLogicalNames);
    }
}
