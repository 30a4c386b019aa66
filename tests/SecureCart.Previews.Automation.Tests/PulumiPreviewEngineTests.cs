using SecureCart.Previews.Automation.Tests.Support;

namespace SecureCart.Previews.Automation.Tests;

public sealed class PulumiPreviewEngineTests
{
    [Fact]
    public async Task Up_EventLogOfTheCli_ReachesTheSinkAsSummaryEvents()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);
        var sink = new RecordingSink();

        var result = await replica.Engine.UpAsync(Replica.Request("pv-a"), sink, TestContext.Current.CancellationToken);

        Assert.Contains(sink.Events, e => e.Type == "summary" && e.Message == "create 3 in 1s");
        Assert.Contains(sink.Events, e => e.Type == "stdout" && e.Message.Contains("update complete", StringComparison.Ordinal));
        Assert.Equal("up Succeeded", result.Summary);
        var up = Assert.Single(fake.Calls("up"));
        Assert.Contains("--event-log", up["args"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public async Task Destroy_StackThatNeverExisted_SucceedsWithNothingToDestroy()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);

        var result = await replica.Engine.DestroyAsync(Replica.Request("pv-gone"), new RecordingSink(), TestContext.Current.CancellationToken);

        Assert.Equal("stack not found; nothing to destroy", result.Summary);
        Assert.Empty(fake.Calls("destroy"));
        Assert.Empty(fake.Calls("stack init"));
    }
}
