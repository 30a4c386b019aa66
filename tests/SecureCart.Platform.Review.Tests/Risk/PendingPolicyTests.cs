using SecureCart.Platform.Review.Risk;

namespace SecureCart.Platform.Review.Tests.Risk;

public sealed class PendingPolicyTests
{
    [Theory]
    [InlineData(2, true)] // 2 -> 1 is below a floor of 2
    [InlineData(1, false)] // and not below a floor of 1
    public void Review_PolicyStillLoadingWhenReadingStarts_JudgesEveryStepByIt(int floor, bool expectFinding)
    {
        // The policy arrives after the reading began; the other floor, given beside it as the settled policy, must not be used.
        var loading = ArriveLater(new ReviewPolicy { ProductionCapacityFloor = floor });

        var result = Fixture.Review("risk/SC010-scaling-below-floor.json", new ReviewOptions
        {
            Policy = new ReviewPolicy { ProductionCapacityFloor = 3 - floor },
            PendingPolicy = loading,
        });

        Assert.Equal(expectFinding, result.Findings.Any(f => f.Rule.Id == "SC010"));
    }

    private static async Task<ReviewPolicy> ArriveLater(ReviewPolicy policy)
    {
        await Task.Delay(200, TestContext.Current.CancellationToken).ConfigureAwait(false);
        return policy;
    }
}
