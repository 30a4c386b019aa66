using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Tests.Preview;

public sealed class HandOverQueueTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(24)]
    public async Task AddAndTake_OnTwoThreads_EveryItemOnceInOrder(int capacity)
    {
        var queue = new HandOverQueue<int>(capacity);
        var adding = Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; i < 20_000; i++)
                {
                    queue.Add(i);
                }

                queue.Complete();
            },
            TestContext.Current.CancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        var taken = new List<int>();
        while (queue.TryTake(out var item))
        {
            taken.Add(item);
        }

        await adding;
        Assert.Equal(Enumerable.Range(0, 20_000), taken);
    }

    [Fact]
    public async Task Add_QueueFull_WaitsUntilHalfIsTaken()
    {
        var queue = new HandOverQueue<int>(4);
        for (var i = 0; i < 4; i++)
        {
            queue.Add(i);
        }

        var fifth = Task.Run(() => queue.Add(4), TestContext.Current.CancellationToken);

        // Full: the add cannot finish until the taker makes room.
        Assert.False(await FinishesWithin(fifth, 200));
        Assert.True(queue.TryTake(out var first));
        Assert.True(queue.TryTake(out var second));
        await fifth.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        queue.Complete();
        var rest = new List<int>();
        while (queue.TryTake(out var item))
        {
            rest.Add(item);
        }

        Assert.Equal([0, 1], new[] { first, second });
        Assert.Equal([2, 3, 4], rest);
    }

    [Fact]
    public async Task TryTake_FewerThanHalfThenComplete_TakesThemThenStops()
    {
        var queue = new HandOverQueue<string>(24);
        var taking = Task.Run(() =>
        {
            var taken = new List<string>();
            while (queue.TryTake(out var item))
            {
                taken.Add(item);
            }

            return taken;
        }, TestContext.Current.CancellationToken);

        queue.Add("a");
        queue.Add("b");
        queue.Add("c");
        queue.Complete();

        Assert.Equal(["a", "b", "c"], await taking.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TryTake_EmptyThenComplete_ReturnsFalse()
    {
        var queue = new HandOverQueue<int>(8);
        var taking = Task.Run(() => queue.TryTake(out _), TestContext.Current.CancellationToken);

        Assert.False(await FinishesWithin(taking, 100));
        queue.Complete();

        Assert.False(await taking.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cancel_AdderWaitingOnAFullQueue_Throws()
    {
        var queue = new HandOverQueue<int>(2);
        queue.Add(1);
        queue.Add(2);
        var third = Task.Run(() => queue.Add(3), TestContext.Current.CancellationToken);

        Assert.False(await FinishesWithin(third, 100));
        queue.Cancel();

        await Assert.ThrowsAsync<OperationCanceledException>(() => third.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Throws<OperationCanceledException>(() => queue.Add(4));

        // What was queued before the cancel can still be taken (to be disposed), then the queue is empty.
        Assert.True(queue.TryTake(out var left));
        Assert.Equal(1, left);
        Assert.True(queue.TryTake(out _));
        Assert.False(queue.TryTake(out _));
    }

    [Fact]
    public void Add_AfterComplete_SaysTheQueueWasCompleted()
    {
        var queue = new HandOverQueue<int>(2);
        queue.Complete();

        var error = Assert.Throws<InvalidOperationException>(() => queue.Add(1));
        Assert.Contains("completed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoCapacity_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HandOverQueue<int>(0));
    }

    // Whether a task ends within a short time: here only ever used to show that it does not (it is waiting).
    private static async Task<bool> FinishesWithin(Task task, int milliseconds) =>
        await Task.WhenAny(task, Task.Delay(milliseconds, TestContext.Current.CancellationToken)) == task;
}
