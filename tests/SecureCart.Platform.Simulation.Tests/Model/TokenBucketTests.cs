using SecureCart.Platform.Simulation.Model;

namespace SecureCart.Platform.Simulation.Tests.Model;

public sealed class TokenBucketTests
{
    [Fact]
    public void Admit_BurstThenRate()
    {
        var bucket = new TokenBucket(100, 200);

        var first = bucket.Admit(500, 1);
        var second = bucket.Admit(500, 1);

        Assert.Equal(300, first);
        Assert.Equal(100, second);
    }

    [Fact]
    public void Admit_CoarseStep_SpreadsTheRateOverTheStep()
    {
        var bucket = new TokenBucket(100, 200);

        var admitted = bucket.Admit(90 * 60, 60);

        Assert.Equal(90 * 60, admitted);
    }
}
