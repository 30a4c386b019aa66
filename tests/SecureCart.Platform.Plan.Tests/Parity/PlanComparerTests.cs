using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Parity;

namespace SecureCart.Platform.Plan.Tests.Parity;

public sealed class PlanComparerTests : IDisposable
{
    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Compare_ShippedStacks_IdenticalWithOneFingerprint()
    {
        var result = PlanComparer.Compare(PlanFixtures.Shipped);

        var identical = Assert.IsType<ParityResult.Identical>(result);
        Assert.Equal(2, identical.Stacks);
        Assert.Equal(PlanComparer.Fingerprint(PlanFixtures.Settings("prod-eu")), PlanComparer.Fingerprint(PlanFixtures.Settings("prod-us")));
        Assert.StartsWith("sha256:", identical.Fingerprint);
    }

    [Fact]
    public void Compare_UndeclaredDifference_ListedWithPathAndValues()
    {
        _project.Set("prod-eu", "securecart:rdsReadReplicas", "1");
        _project.Set("prod-eu", "securecart:redisNodeType", "cache.r6g.large");

        var drifted = Assert.IsType<ParityResult.Drifted>(PlanComparer.Compare(_project.Loaded()));

        Assert.Contains(drifted.Differences, d => d.Path == "data.rds.replicas[postgres-replica-2]" && d.Value == "(absent)");
        Assert.Contains(drifted.Differences, d => d.Path == "data.redis.nodeType" && d.Value == "\"cache.r6g.large\"" && d.ReferenceValue == "\"cache.r7g.large\"");
        Assert.Contains(drifted.Differences, d => d.Path == "observability.alarms[rds-replica-lag-postgres-replica-2]");
        Assert.Equal(3, drifted.Differences.Count);
        Assert.All(drifted.Differences, d => Assert.Equal(("prod-us", "prod-eu"), (d.ReferenceStack, d.Stack)));
    }

    [Fact]
    public void Compare_DeclaredPerStackSettings_NotDifferences()
    {
        _project.Set("prod-eu", "securecart:trafficDial", "0");
        _project.Set("prod-eu", "securecart:vpcCidr", "10.99.0.0/16");

        Assert.IsType<ParityResult.Identical>(PlanComparer.Compare(_project.Loaded()));
    }

    [Fact]
    public void Fingerprint_ChangesWithAnyUndeclaredSetting()
    {
        var eu = PlanFixtures.Settings("prod-eu");

        Assert.NotEqual(PlanComparer.Fingerprint(eu), PlanComparer.Fingerprint(eu with { WafRateLimit = 1000, Api = eu.Api with { RateLimit = 10 } }));
        Assert.Equal(PlanComparer.Fingerprint(eu), PlanComparer.Fingerprint(eu with { TrafficDial = 0, Region = "us-west-2" }));
    }

    [Fact]
    public void PerStackKeys_MatchTheSchemaDeclarations()
    {
        var declared = StackSettingsSchema.Keys.Where(k => k.PerStack).Select(k => k.Name).Append("aws:region").Order(StringComparer.Ordinal);

        Assert.Equal(declared, PlanNormalizer.PerStackKeys.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PerStackProperties_TrafficDialLandsOnTheEndpointGroup() =>
        Assert.Contains(new DeployedProperty("aws:globalaccelerator/endpointGroup:EndpointGroup", "trafficDialPercentage"), StackSettingsSchema.PerStackProperties);
}
