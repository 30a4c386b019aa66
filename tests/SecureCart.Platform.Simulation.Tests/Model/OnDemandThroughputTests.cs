using SecureCart.Platform.Simulation.Model;

namespace SecureCart.Platform.Simulation.Tests.Model;

public sealed class OnDemandThroughputTests
{
    [Fact]
    public void Step_WithinTwicePreviousPeak_ServesEverything()
    {
        var reads = new OnDemandThroughput(10_000, 12_000, 2, 1800, 3000, 0);

        var outcome = reads.Step(19_999);

        Assert.Equal(0, outcome.Rejected);
    }

    [Fact]
    public void Step_BeyondTwicePreviousPeak_ThrottlesTheExcessForThirtyMinutes()
    {
        // Previous peak 10,000: 20,000 is served at once; 25,000 throttles 5,000 until the 20,000 peak of
        // minute 0 is 30 minutes old (the end of minute 30), then the ceiling is 40,000.
        var reads = new OnDemandThroughput(10_000, 12_000, 2, 1800, 3000, 0);
        var rejected = new double[40];

        for (var minute = 0; minute < 40; minute++)
        {
            rejected[minute] = reads.Step(25_000).Rejected;
            reads.EndMinute(minute);
        }

        Assert.Equal(5_000, rejected[0]);
        Assert.Equal(5_000, rejected[30]);
        Assert.Equal(0, rejected[31]);
        Assert.Equal(40_000, reads.Ceiling);
    }

    [Fact]
    public void Step_NewTable_FloorIsWhatAnEmptyTableServes()
    {
        var writes = new OnDemandThroughput(0, 4_000, 2, 1800, 1000, 0);

        Assert.Equal(4_000, writes.Ceiling);
    }

    [Fact]
    public void Step_HotKey_PartitionLimitCapsBelowTheTableCeiling()
    {
        // Half the writes on one key: that partition's 1,000 write units allow 2,000 for the table.
        var writes = new OnDemandThroughput(100_000, 4_000, 2, 1800, 1000, 0.5);

        var outcome = writes.Step(3_000);

        Assert.Equal(2_000, outcome.Served);
        Assert.Equal(1_000, outcome.Rejected);
    }
}
