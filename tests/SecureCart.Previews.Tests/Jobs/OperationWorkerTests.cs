using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Environments;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Jobs;

/// <summary>The deploy worker on PostgreSQL yields to creates in flight on its replica, within its bound.</summary>
public sealed class OperationWorkerTests
{
    private static readonly Dictionary<string, string?> s_yield300 = new() { ["Previews:Worker:MaxYieldMilliseconds"] = "300" };

    [Fact]
    public async Task Claim_CreateInFlight_WaitsThenClaimsOnceItEnds()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: s_yield300);
        var alpha = await server.ClientForAsync("alpha");
        var inFlight = server.Services.GetRequiredService<ForegroundRequests>().Enter();

        var created = await PreviewsServer.CreateAsync(alpha, "yielded");
        // The bound runs on the test's clock, which stands still: only the request's end can release the claim.
        await Task.Delay(1500);
        var whileInFlight = await StatusAsync(server, created.Operation.Id);
        inFlight.Dispose();
        await Task.Delay(100);
        server.Time.Advance(TimeSpan.FromMilliseconds(20));
        var afterwards = await LeftQueueAsync(server, created.Operation.Id);

        Assert.Equal(OperationStatus.Queued, whileInFlight);
        Assert.NotEqual(OperationStatus.Queued, afterwards);
    }

    [Fact]
    public async Task Claim_RequestsNeverEnd_ClaimsAfterTheBound()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: s_yield300);
        var alpha = await server.ClientForAsync("alpha");
        using var inFlight = server.Services.GetRequiredService<ForegroundRequests>().Enter();

        var created = await PreviewsServer.CreateAsync(alpha, "not-starved");
        await Task.Delay(1500);
        var beforeTheBound = await StatusAsync(server, created.Operation.Id);
        server.Time.Advance(TimeSpan.FromMilliseconds(300));
        var afterTheBound = await LeftQueueAsync(server, created.Operation.Id);

        Assert.Equal(OperationStatus.Queued, beforeTheBound);
        Assert.NotEqual(OperationStatus.Queued, afterTheBound);
    }

    [Fact]
    public async Task Complete_CreateInFlightWhenTheEngineFinishes_ResultWrittenOnceItEnds()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: s_yield300);
        var alpha = await server.ClientForAsync("alpha");
        var inFlight = server.Services.GetRequiredService<ForegroundRequests>().Enter();
        var created = await PreviewsServer.CreateAsync(alpha, "finished-quietly");
        await Task.Delay(500);

        // The claim gives up waiting at the bound; the engine runs; the result then waits for the request to end.
        server.Time.Advance(TimeSpan.FromMilliseconds(300));
        var claimed = await LeftQueueAsync(server, created.Operation.Id);
        await Task.Delay(1500);
        var whileInFlight = await StatusAsync(server, created.Operation.Id);
        inFlight.Dispose();
        await Task.Delay(100);
        server.Time.Advance(TimeSpan.FromMilliseconds(20));
        var afterwards = await UntilAsync(server, created.Operation.Id, s => s != OperationStatus.Running);

        Assert.Equal(OperationStatus.Running, claimed);
        Assert.Equal(OperationStatus.Running, whileInFlight);
        Assert.Equal(OperationStatus.Succeeded, afterwards);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("5001")]
    public async Task Start_MaxYieldOutOfRange_RefusedWithTheSettingNamed(string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => PreviewsServer.StartAsync("Sqlite", settings: new() { ["Previews:Worker:MaxYieldMilliseconds"] = value }));

        Assert.Contains("MaxYieldMilliseconds", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<OperationStatus> StatusAsync(PreviewsServer server, Guid operationId)
    {
        await using var db = await server.DbAsync();
        return await db.Operations.Where(o => o.Id == operationId).Select(o => o.Status).SingleAsync();
    }

    /// <summary>The operation's status once it has left the queue, or Queued if it never did within 20 seconds.</summary>
    private static Task<OperationStatus> LeftQueueAsync(PreviewsServer server, Guid operationId) =>
        UntilAsync(server, operationId, s => s != OperationStatus.Queued);

    /// <summary>The operation's first status that meets <paramref name="done"/>, or the last one seen within 20 seconds.</summary>
    private static async Task<OperationStatus> UntilAsync(PreviewsServer server, Guid operationId, Func<OperationStatus, bool> done)
    {
        var status = await StatusAsync(server, operationId);
        for (var i = 0; i < 200 && !done(status); i++)
        {
            await Task.Delay(100);
            status = await StatusAsync(server, operationId);
        }

        return status;
    }
}
