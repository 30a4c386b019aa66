using Microsoft.Extensions.Time.Testing;
using SecureCart.Previews.Environments;

namespace SecureCart.Previews.Tests.Environments;

/// <summary>How the deploy worker waits for a quiet moment: never while requests run, never past its bound.</summary>
public sealed class ForegroundRequestsTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan s_settle = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task WaitQuiet_NothingInFlight_ReturnsAtOnce()
    {
        var requests = new ForegroundRequests(new FakeTimeProvider());

        var wait = requests.WaitQuietAsync(s_bound, s_settle, CancellationToken.None);

        Assert.True(wait.IsCompletedSuccessfully);
        Assert.True(await wait);
    }

    [Fact]
    public async Task WaitQuiet_RequestInFlight_WaitsUntilItEndsAndSettles()
    {
        var time = new FakeTimeProvider();
        var requests = new ForegroundRequests(time);
        var request = requests.Enter();

        var wait = requests.WaitQuietAsync(s_bound, s_settle, CancellationToken.None);
        await SettleAsync();
        time.Advance(TimeSpan.FromMilliseconds(250));
        await SettleAsync();
        var waitedWhileInFlight = !wait.IsCompleted;
        request.Dispose();
        await SettleAsync();
        var waitedForTheSettleTime = !wait.IsCompleted;
        time.Advance(s_settle);

        Assert.True(waitedWhileInFlight);
        Assert.True(waitedForTheSettleTime);
        Assert.True(await wait.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, requests.InFlight);
    }

    [Fact]
    public async Task WaitQuiet_RequestsOverlapWithoutEnd_ProceedsAfterTheBound()
    {
        var time = new FakeTimeProvider();
        var requests = new ForegroundRequests(time);
        var current = requests.Enter();

        var wait = requests.WaitQuietAsync(s_bound, s_settle, CancellationToken.None);
        for (var step = 0; step < 2; step++)
        {
            await SettleAsync();
            time.Advance(TimeSpan.FromMilliseconds(140));
            var next = requests.Enter();
            current.Dispose();
            current = next;
        }

        await SettleAsync();
        var stillWaiting = !wait.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(20));

        Assert.True(stillWaiting);
        Assert.False(await wait.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, requests.InFlight);
    }

    [Fact]
    public async Task WaitQuiet_RequestComesAndGoesWhileSettling_SettleStartsAgain()
    {
        var time = new FakeTimeProvider();
        var requests = new ForegroundRequests(time);
        requests.Enter().Dispose();

        var wait = requests.WaitQuietAsync(s_bound, s_settle, CancellationToken.None);
        await SettleAsync();
        time.Advance(TimeSpan.FromMilliseconds(15));
        requests.Enter().Dispose();
        await SettleAsync();
        time.Advance(TimeSpan.FromMilliseconds(10));
        await SettleAsync();
        var waitedAfterTheBlip = !wait.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(10));

        Assert.True(waitedAfterTheBlip);
        Assert.True(await wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WaitQuiet_StoppingWhileSettling_ThrowsCancelled()
    {
        var requests = new ForegroundRequests(new FakeTimeProvider());
        requests.Enter().Dispose();
        using var stopping = new CancellationTokenSource();

        var wait = requests.WaitQuietAsync(s_bound, s_settle, stopping.Token);
        await SettleAsync();
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WaitQuiet_Stopping_ThrowsCancelled()
    {
        var requests = new ForegroundRequests(new FakeTimeProvider());
        using var request = requests.Enter();
        using var stopping = new CancellationTokenSource();

        var wait = requests.WaitQuietAsync(s_bound, s_settle, stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>Lets the waiter's continuation register its next timer before the fake clock moves on.</summary>
    private static Task SettleAsync() => Task.Delay(50);
}
