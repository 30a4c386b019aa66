using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Plan.Tests.Edge;

public sealed class StaticReplicationTests
{
    [Fact]
    public void Plan_HomeStack_ReplicatesTheBucketToThePartnerRegionBehindAnOriginGroup()
    {
        var cloudFront = PlanFixtures.Plan("prod-us").Edge!.CloudFront;

        var replication = Assert.IsType<StaticReplicationPlan>(cloudFront.StaticReplication);
        Assert.Equal("eu-west-1", replication.ReplicaRegion);
        Assert.Equal("securecart-prod-us-static-eu-west-1", replication.ReplicaBucketName);
        Assert.NotEqual(cloudFront.StaticBucketName, replication.ReplicaBucketName);
        Assert.True(replication.SourceVersioning && replication.ReplicaVersioning);
        Assert.Equal([500, 502, 503, 504], replication.FailoverStatusCodes);
        Assert.Equal(["GET", "HEAD", "OPTIONS"], replication.AllowedMethods);
        Assert.NotEqual(CloudFrontPlan.StaticOrigin, replication.FailoverOriginId);
    }

    [Fact]
    public void LogicalNames_ReplicationResourcesAreHomeOnly()
    {
        var us = PlanFixtures.Plan("prod-us");

        Assert.All(StaticReplicationPlan.LogicalNames, n => Assert.Contains(n, us.HomeOnlyLogicalNames));
        Assert.All(StaticReplicationPlan.LogicalNames, n => Assert.Contains(n, EdgePlanner.AnyHomeStackLogicalNames));
        Assert.Equal(us.HomeOnlyLogicalNames.Length, us.HomeOnlyLogicalNames.Distinct(StringComparer.Ordinal).Count());
    }
}
