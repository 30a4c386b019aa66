using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Environments;
using SecureCart.Previews.Jobs;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Jobs;

public sealed class RetentionSweeperTests
{
    private static readonly Dictionary<string, string?> s_manualSweeps = new()
    {
        ["Previews:Retention:Enabled"] = "false",
        ["Previews:Retention:IdempotencyKeyHours"] = "48",
        ["Previews:Retention:OperationEventDays"] = "30",
        ["Previews:Retention:BatchSize"] = "2",
        ["Previews:Worker:Enabled"] = "false",
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sweep_OldAndRecentRows_OldRemovedRecentAndRunningKept(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, settings: s_manualSweeps);
        var now = server.Time.GetUtcNow();
        var seeded = await SeedAsync(server.Services, now);

        var sweep = await server.Services.GetRequiredService<RetentionSweeper>().SweepAsync(CancellationToken.None);
        var again = await server.Services.GetRequiredService<RetentionSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(new RetentionSweep(5, 7), sweep);
        Assert.Equal(new RetentionSweep(0, 0), again);
        await using var db = await server.DbAsync();
        Assert.Equal(["recent-0", "recent-1", "recent-2"], (await db.IdempotencyKeys.Select(k => k.Key).ToListAsync()).Order());
        var left = await db.OperationEvents.ToListAsync();
        Assert.Equal(2 + 3, left.Count);
        Assert.Equal(3, left.Count(e => e.OperationId == seeded.Running));
        Assert.All(left.Where(e => e.OperationId == seeded.Finished), e => Assert.True(e.At > now.AddDays(-30)));
    }

    [Fact]
    public async Task Sweep_AnotherReplicaHoldsTheSweepLock_SkipsAndRemovesNothing()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: s_manualSweeps);
        await SeedAsync(server.Services, server.Time.GetUtcNow());
        var sweeper = server.Services.GetRequiredService<RetentionSweeper>();
        await using var other = new NpgsqlConnection(server.Database.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(5999729724285611636)", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        var skipped = await sweeper.SweepAsync(CancellationToken.None);
        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock(5999729724285611636)", other))
        {
            await release.ExecuteNonQueryAsync();
        }

        var swept = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Null(skipped);
        Assert.Equal(new RetentionSweep(5, 7), swept);
    }

    [Fact]
    public async Task Sweep_DatabaseDeadDuringTheSchedule_HostKeepsServingAndTheNextRoundCleans()
    {
        await using var database = await TestDatabase.CreateAsync("Postgres");
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new TcpProxy(new IPEndPoint((await Dns.GetHostAddressesAsync(target.Host!))[0], target.Port));
        using var logs = new CapturedLogs();
        await using var server = await PreviewsServer.StartReplicaAsync(database, database.ConnectionStringThrough(proxy.Port), new CountingEngine(TimeSpan.Zero, chatty: false), new()
        {
            ["Previews:Retention:IntervalSeconds"] = "1",
            ["Previews:Retention:BatchSize"] = "2",
        }, logs);
        await SeedAsync(server.Services, TimeProvider.System.GetUtcNow());

        proxy.Cut();
        await WaitUntilAsync(() => logs.Lines.Any(l => l.EventId == 2402));
        var healthy = await server.Anonymous().GetAsync("/healthz");
        proxy.Restore();
        await WaitUntilAsync(() => logs.Lines.Any(l => l.EventId == 2401));

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        await using var db = await server.DbAsync();
        Assert.Equal(3, await db.IdempotencyKeys.CountAsync());
        Assert.Equal(5, await db.OperationEvents.CountAsync());
    }

    /// <summary>
    /// Keys: 5 older than 48 h, 3 recent. Events: a finished operation with 7 events older than 30 days and 2 recent,
    /// a running one with 3 old events (kept: a watcher may still resume from them).
    /// </summary>
    private static async Task<(Guid Finished, Guid Running)> SeedAsync(IServiceProvider services, DateTimeOffset now)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PreviewsDbContext>>().CreateDbContextAsync();
        for (var i = 0; i < 8; i++)
        {
            db.IdempotencyKeys.Add(new IdempotencyRecord
            {
                Team = "alpha",
                Key = i < 5 ? $"old-{i}" : $"recent-{i - 5}",
                RequestHash = "h",
                EnvironmentId = Guid.NewGuid(),
                OperationId = Guid.NewGuid(),
                CreatedAt = i < 5 ? now.AddHours(-49 - i) : now.AddHours(-47 + i),
            });
        }

        var finished = OperationFactory.New(Guid.NewGuid(), "alpha", OperationKind.Up, "seed", now.AddDays(-40));
        finished.Status = OperationStatus.Succeeded;
        finished.FinishedAt = now.AddDays(-39);
        var running = OperationFactory.New(Guid.NewGuid(), "alpha", OperationKind.Up, "seed", now.AddDays(-40));
        running.Status = OperationStatus.Running;
        db.Operations.AddRange(finished, running);
        for (var i = 1; i <= 9; i++)
        {
            db.OperationEvents.Add(new OperationEventRecord { OperationId = finished.Id, Sequence = i, Type = "step", Message = "m", At = i <= 7 ? now.AddDays(-31) : now.AddDays(-1) });
        }

        for (var i = 1; i <= 3; i++)
        {
            db.OperationEvents.Add(new OperationEventRecord { OperationId = running.Id, Sequence = i, Type = "step", Message = "m", At = now.AddDays(-35) });
        }

        await db.SaveChangesAsync();
        return (finished.Id, running.Id);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "the condition did not hold within 30 s");
    }
}
