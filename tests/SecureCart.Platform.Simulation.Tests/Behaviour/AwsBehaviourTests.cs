using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Simulation.Behaviour;

namespace SecureCart.Platform.Simulation.Tests.Behaviour;

public sealed class AwsBehaviourTests
{
    [Fact]
    public void Default_PublishedFiguresAsTheirSourcesState()
    {
        var aws = AwsBehaviour.Default;

        Assert.Equal(3, aws.ScaleOutDatapoints);
        Assert.Equal(15, aws.ScaleInDatapoints);
        Assert.Equal(10_000, aws.ApiAccountRateRps);
        Assert.Equal(5_000, aws.ApiAccountBurst);
        Assert.Equal(2, aws.DynamoPeakMultiplier);
        Assert.Equal(30 * 60, aws.DynamoAdaptSeconds);
        Assert.Equal(3_000, aws.DynamoPartitionReadUnits);
        Assert.Equal(1_000, aws.DynamoPartitionWriteUnits);
        Assert.Equal(300, aws.Ec2InstanceWarmupSeconds);
    }

    [Fact]
    public void Default_EveryValueNamesItsSource()
    {
        Assert.All(AwsBehaviour.Default.Sources, s => Assert.True(
            s.Value.Contains("https://", StringComparison.Ordinal) || s.Value.StartsWith("estimate", StringComparison.Ordinal) || s.Value.Length > 40,
            $"{s.Key} has no source: '{s.Value}'"));
    }

    [Fact]
    public void Default_EveryInstanceClassThePlanAllowsHasARate()
    {
        Assert.All(InstanceClasses.Rds, c => Assert.True(AwsBehaviour.Default.RdsCapacity(c) > 0));
        Assert.All(InstanceClasses.Redis, c => Assert.True(AwsBehaviour.Default.RedisCapacity(c) > 0));
    }
}
