using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Data;

namespace SecureCart.Platform.Plan.Tests.Data;

public sealed class DatabaseConnectionsPlannerTests
{
    [Fact]
    public void Clients_Production_OrdersAndInventoryReadReplicasPaymentsTheWriter()
    {
        var clients = PlanFixtures.Plan("prod-us").Data.Clients;

        Assert.Equal(["orders", "payments", "inventory"], clients.Select(c => c.Service));
        Assert.Equal(["orders", "inventory"], clients.Where(c => c.ReadsFromReplicas).Select(c => c.Service));
        Assert.Contains("writer only", clients.Single(c => c.Service == "payments").ReadPaths, StringComparison.Ordinal);
    }

    [Fact]
    public void Clients_SurgeIsFourTimesTheTaskMinimum()
    {
        var plan = PlanFixtures.Plan("prod-us");

        Assert.All(plan.Data.Clients, c =>
        {
            var scaling = plan.Compute.Services.Single(s => s.LogicalName == c.Service).Scaling;
            Assert.Equal(Math.Min(scaling.Max, 4 * scaling.Min), c.SurgeTasks);
        });
    }

    [Fact]
    public void Clients_NoReplicas_EveryoneReadsTheWriter()
    {
        var plan = PlanFixtures.Plan("prod-us", s => s with { Rds = s.Rds with { ReadReplicas = 0 } });

        Assert.All(plan.Data.Clients, c => Assert.False(c.ReadsFromReplicas));
    }

    [Fact]
    public void Proxy_Production_HoldsTheSurgeWithHeadroomAndLeavesRoomForOperators()
    {
        var data = PlanFixtures.Plan("prod-us").Data;
        var proxy = data.Proxy!;

        Assert.Equal(data.Clients.Sum(c => c.PoolSize * c.SurgeTasks), proxy.SurgeClientConnections);
        Assert.Equal(RdsConnectionLimits.MaxConnections(data.Rds.InstanceClass), proxy.InstanceMaxConnections);
        Assert.True(proxy.DatabaseConnections >= proxy.SurgeClientConnections * 1.25 - proxy.InstanceMaxConnections / 100.0, $"{proxy.DatabaseConnections} for {proxy.SurgeClientConnections}");
        Assert.InRange(proxy.MaxConnectionsPercent, 10, 90);
        Assert.Equal(0, proxy.MaxConnectionsPercent % 5);
        Assert.Equal(proxy.MaxConnectionsPercent / 2, proxy.MaxIdleConnectionsPercent);
        Assert.Equal(("POSTGRESQL", "REQUIRED", true), (proxy.EngineFamily, proxy.ClientAuth, proxy.RequireTls));
        Assert.Null(proxy.ReadOnlyEndpoint);
    }

    [Fact]
    public void Proxy_BiggerSurge_LargerShareOfTheInstance()
    {
        var shipped = PlanFixtures.Plan("prod-us").Data.Proxy!;

        var doubled = PlanFixtures.Plan("prod-us", s => s with { Tasks = s.Tasks with { Min = s.Tasks.Min * 2 } }).Data.Proxy!;

        Assert.True(doubled.SurgeClientConnections > shipped.SurgeClientConnections);
        Assert.True(doubled.MaxConnectionsPercent > shipped.MaxConnectionsPercent, $"{doubled.MaxConnectionsPercent} vs {shipped.MaxConnectionsPercent}");
    }

    [Fact]
    public void Proxy_SurgeBeyondTheInstance_CappedAndMultiplexed()
    {
        var proxy = PlanFixtures.Plan("prod-us", s => s with { Rds = s.Rds with { InstanceClass = "db.t4g.micro" } }).Data.Proxy!;

        Assert.Equal(90, proxy.MaxConnectionsPercent);
        Assert.True(proxy.Multiplexing > 1, $"{proxy.Multiplexing}");
    }

    [Fact]
    public void MaxConnections_EveryAcceptedClassHasAFigureThatGrowsWithMemory()
    {
        Assert.Equal(InstanceClasses.Rds.Order(StringComparer.Ordinal), RdsConnectionLimits.MemoryGib.Keys.Order(StringComparer.Ordinal));
        Assert.True(RdsConnectionLimits.MaxConnections("db.r6g.xlarge") > RdsConnectionLimits.MaxConnections("db.r6g.large"));
        // 32 GiB x 90 % / 9,531,392 bytes.
        Assert.Equal(3244, RdsConnectionLimits.MaxConnections("db.r6g.xlarge"));
        Assert.Throws<ArgumentException>(() => RdsConnectionLimits.MaxConnections("db.x2g.large"));
    }

    [Fact]
    public void Network_ProxyReachesThePrimaryThroughItsOwnClientGroup()
    {
        var network = PlanFixtures.Plan("prod-us").Network;

        var data = network.SecurityTiers.Single(t => t.LogicalName == "data");
        Assert.Contains(data.Ingress, r => r.FromTier == "postgres-proxy-data-client" && r.FromPort == 5432);
        Assert.Contains(network.SecurityTiers, t => t.LogicalName == "postgres-proxy-data-client");
    }

    [Fact]
    public void ReplicaSurgeConnections_ReadersSpreadOverTheReplicasAndFitTheirLimit()
    {
        var data = PlanFixtures.Plan("prod-us").Data;

        var each = DatabaseConnectionsPlanner.ReplicaSurgeConnections(data.Clients, data.Rds.Replicas.Length);

        Assert.Equal(data.Clients.Where(c => c.ReadsFromReplicas).Sum(c => c.SurgeConnections) / data.Rds.Replicas.Length, each);
        Assert.True(each < RdsConnectionLimits.MaxConnections(data.Rds.InstanceClass));
        Assert.Equal(0, DatabaseConnectionsPlanner.ReplicaSurgeConnections(data.Clients, 0));
    }

    [Fact]
    public void Standby_PreviewSourceInAProductionPair_NotKept()
    {
        var settings = PlanFixtures.Shipped.Stacks.Select(s => s.StackName == "prod-us" ? s with { Profile = SizeProfile.Preview } : s).ToList();

        var eu = RegionalPlanner.Plan(settings.Single(s => s.StackName == "prod-eu"), settings);

        Assert.Null(eu.Data.Standby);
    }
}
