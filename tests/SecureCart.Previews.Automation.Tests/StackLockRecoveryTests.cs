using Microsoft.Extensions.Time.Testing;
using SecureCart.Previews.Automation.Tests.Support;
using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Automation.Tests;

public sealed class StackLockRecoveryTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Up_LockLeftByADeadWorker_IsClearedWithCancelAndTheUpdateRuns(bool cloud)
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);
        var request = Replica.Request("pv-a");
        var sink = new RecordingSink();
        await replica.Engine.UpAsync(request, sink, TestContext.Current.CancellationToken);
        if (cloud)
        {
            fake.Set("cloud");
        }

        fake.LeaveLock(request.StackName);
        var result = await replica.Engine.UpAsync(request with { OperationId = Guid.NewGuid() }, sink, TestContext.Current.CancellationToken);

        var sequence = fake.Calls().Select(FakePulumi.Command).Where(c => c is "up" or "cancel").ToList();
        Assert.Equal(["up", "up", "cancel", "up"], sequence);
        Assert.False(fake.Locked(request.StackName));
        Assert.Equal("https://preview-shop-pv-a.example", result.Outputs["url"]);
        var notice = Assert.Single(sink.Events, e => e.Type == "lock");
        Assert.Contains(cloud ? "[409] Conflict" : "created by worker@dead-worker (pid 4242)", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Destroy_LockLeftByADeadWorker_IsClearedAndTheStackRemoved()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);
        var request = Replica.Request("pv-a");
        await replica.Engine.UpAsync(request, new RecordingSink(), TestContext.Current.CancellationToken);
        fake.LeaveLock(request.StackName);

        var result = await replica.Engine.DestroyAsync(request with { OperationId = Guid.NewGuid() }, new RecordingSink(), TestContext.Current.CancellationToken);

        Assert.Contains("removed", result.Summary, StringComparison.Ordinal);
        Assert.Single(fake.Calls("cancel"));
        Assert.Single(fake.Calls("stack rm"));
    }

    [Fact]
    public async Task Up_LockThatNeverClears_RetriesWithGrowingWaitsThenFailsNamingTheHolder()
    {
        using var fake = new FakePulumi();
        var time = new FakeTimeProvider();
        using var replica = new Replica(fake, o => (o.LockAttempts, o.LockFirstDelaySeconds, o.LockMaxDelaySeconds) = (4, 5, 8), time);
        var request = Replica.Request("pv-a");
        var sink = new RecordingSink();
        await replica.Engine.UpAsync(request, sink, TestContext.Current.CancellationToken);
        fake.LeaveLock(request.StackName, host: "worker-7", pid: 31337);
        fake.Set("sticky-lock");

        var up = replica.Engine.UpAsync(request with { OperationId = Guid.NewGuid() }, sink, TestContext.Current.CancellationToken);
        while (!up.IsCompleted)
        {
            // Fake time moves on while the fake CLI runs in real time: no test waits the 21 s of backoff.
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        var failure = await Assert.ThrowsAsync<EngineFailedException>(() => up);
        Assert.Contains("stack preview-shop-pv-a stayed locked through 4 attempts", failure.Message, StringComparison.Ordinal);
        Assert.Contains("created by worker@worker-7 (pid 31337)", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1 + 4, fake.Calls("up").Count);
        Assert.Equal(3, fake.Calls("cancel").Count);
        var waits = sink.Events.Where(e => e.Type == "lock").Select(e => e.Message[(e.Message.IndexOf("retrying in ", StringComparison.Ordinal) + 12)..e.Message.IndexOf(" s (", StringComparison.Ordinal)]);
        Assert.Equal(["5", "8", "8"], waits);
    }

    [Fact]
    public async Task Up_WithoutALock_NeverCancels()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);

        await replica.Engine.UpAsync(Replica.Request("pv-a"), new RecordingSink(), TestContext.Current.CancellationToken);

        Assert.Empty(fake.Calls("cancel"));
    }
}
