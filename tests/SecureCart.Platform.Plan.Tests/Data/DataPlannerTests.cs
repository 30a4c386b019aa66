using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Data;

namespace SecureCart.Platform.Plan.Tests.Data;

public sealed class DataPlannerTests
{
    [Fact]
    public void Plan_HomeStack_OwnsTablesWithReplicasInOtherRegions()
    {
        var us = PlanFixtures.Plan("prod-us").Data.Tables;
        var eu = PlanFixtures.Plan("prod-eu").Data.Tables;

        Assert.Equal(["securecart-carts", "securecart-sessions", "securecart-catalog"], us.Select(t => t.Name));
        Assert.Equal(us.Select(t => t.Name), eu.Select(t => t.Name));
        Assert.All(us, t => Assert.Equal((GlobalTableRole.Owner, "us-east-1"), (t.Role, t.HomeRegion)));
        Assert.All(eu, t => Assert.Equal((GlobalTableRole.Replica, "us-east-1"), (t.Role, t.HomeRegion)));
        Assert.All(us.Concat(eu), t => Assert.Equal(["eu-west-1"], t.ReplicaRegions));
        Assert.All(us, t => Assert.True(t.PointInTimeRecovery && t.DeletionProtection && t.Protect));
        Assert.Equal("NEW_AND_OLD_IMAGES", us[0].StreamViewType);
    }

    [Fact]
    public void Plan_ThreeStacks_ReplicaInEveryNonHomeRegion()
    {
        var settings = PlanFixtures.Shipped.Stacks.ToList();
        settings.Add(settings[0] with { StackName = "prod-usw", Region = "us-west-2", IsHome = false });

        var plan = RegionalPlanner.Plan(settings[^1], settings);

        Assert.All(plan.Data.Tables, t => Assert.Equal(["eu-west-1", "us-west-2"], t.ReplicaRegions));
    }

    [Fact]
    public void Plan_ProductionRds_MultiAzProtectedWithReplicasSpreadOverZones()
    {
        var rds = PlanFixtures.Plan("prod-eu").Data.Rds;

        Assert.True(rds.MultiAz && rds.DeletionProtection && rds.StorageEncrypted && rds.Protect);
        // Replicas rule out an RDS-managed password; the program keeps its own, rotated.
        Assert.False(rds.ManageMasterPassword);
        Assert.Equal(("securecart-prod-eu-postgres-master", 30), (rds.MasterPasswordSecretName, rds.PasswordRotationDays));
        Assert.False(rds.SkipFinalSnapshot);
        Assert.Equal(("gp3", 200, 1000), (rds.StorageType, rds.AllocatedStorageGb, rds.MaxAllocatedStorageGb));
        Assert.Equal(["zone-2", "zone-3"], rds.Replicas.Select(r => r.AvailabilityZone));
        Assert.Equal("securecart-prod-eu-postgres-replica-2", rds.Replicas[1].Identifier);
    }

    [Fact]
    public void Plan_PreviewRds_SingleAzUnprotectedNoFinalSnapshot()
    {
        var rds = PlanFixtures.Plan("prod-eu", s => s with { Profile = SizeProfile.Preview, Rds = new RdsSettings("db.t4g.medium", 0, 1, 20) }).Data.Rds;

        Assert.False(rds.MultiAz || rds.DeletionProtection || rds.Protect);
        Assert.True(rds.SkipFinalSnapshot);
        Assert.Empty(rds.Replicas);
    }

    [Theory]
    [InlineData(2, 1, 4, true)]
    [InlineData(1, 0, 1, false)]
    [InlineData(3, 2, 9, true)]
    public void Plan_Redis_NodesAndFailover(int shards, int replicas, int nodes, bool failover)
    {
        var redis = PlanFixtures.Plan("prod-eu", s => s with { Redis = new RedisSettings("cache.r7g.large", shards, replicas) }).Data.Redis;

        Assert.Equal(nodes, redis.NodeCount);
        Assert.Equal(failover, redis.AutomaticFailover);
        Assert.True(redis.TransitEncryption && redis.AtRestEncryption);
        Assert.True(redis.ReplicationGroupId.Length <= 40);
    }
}
