using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecureCart.Previews.Api;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Jobs;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Jobs;

public sealed class OperationLifecycleTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Delete_WhileUpRuns_ConflictThenCancelThenDestroy(string provider)
    {
        var engine = new ControllableEngine();
        await using var server = await PreviewsServer.StartAsync(provider, engine);
        var client = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "hang-one");
        await WaitForOperationAsync(client, created.Operation.Id, "Running");

        var conflict = await client.DeleteAsync($"/v1/environments/{created.Environment.Id}");
        var cancel = await client.PostAsync($"/v1/operations/{created.Operation.Id}/cancel", null);
        var cancelled = await WaitForOperationAsync(client, created.Operation.Id, "Cancelled");
        var failed = await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Failed");
        var again = await client.PostAsync($"/v1/operations/{created.Operation.Id}/cancel", null);
        var delete = await client.DeleteAsync($"/v1/environments/{created.Environment.Id}");
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Destroyed");

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains($"/v1/operations/{created.Operation.Id}/cancel", await conflict.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("cancelled on request", cancelled.Error);
        Assert.Contains("cancelled", failed.StatusReason);
        Assert.Equal(1, engine.Cancels);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Up_EngineFails_EnvironmentFailedWithEngineMessage(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, new ControllableEngine());
        var client = await server.ClientForAsync("alpha");

        var created = await PreviewsServer.CreateAsync(client, "fail-one");
        var failed = await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Failed");

        Assert.Contains("simulated", failed.StatusReason);
        Assert.Null(failed.ActiveOperationId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reaper_AfterTtl_DestroysExpiredOnly(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, new ControllableEngine());
        var client = await server.ClientForAsync("alpha");
        var shortLived = await PreviewsServer.CreateAsync(client, "short", ttlHours: 1);
        var longLived = await PreviewsServer.CreateAsync(client, "long", ttlHours: 48);
        await PreviewsServer.WaitForStatusAsync(client, shortLived.Environment.Id, "Ready");
        await PreviewsServer.WaitForStatusAsync(client, longLived.Environment.Id, "Ready");
        var reaper = server.Services.GetRequiredService<ExpiryReaper>();

        var early = await reaper.SweepAsync(CancellationToken.None);
        server.Time.Advance(TimeSpan.FromHours(2));
        var due = await reaper.SweepAsync(CancellationToken.None);
        var destroyed = await PreviewsServer.WaitForStatusAsync(client, shortLived.Environment.Id, "Destroyed");
        var twice = await reaper.SweepAsync(CancellationToken.None);

        Assert.Equal(0, early);
        Assert.Equal(1, due);
        Assert.Equal(0, twice);
        Assert.Equal(server.Time.GetUtcNow(), destroyed.DestroyedAt);
        Assert.Equal("Ready", (await client.GetFromJsonAsync<EnvironmentView>($"/v1/environments/{longLived.Environment.Id}", PreviewsServer.Json))!.Status);
        await using var db = await server.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == ExpiryReaper.Action && a.Actor == "reaper" && a.EnvironmentId == shortLived.Environment.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lease_WorkerCrashes_AnotherResumesAndOldTokenCannotWrite(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, new ControllableEngine(), new() { ["Previews:Worker:Enabled"] = "false" });
        var client = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "crash");
        var queue = server.Services.GetRequiredService<OperationQueue>();

        var dead = await queue.ClaimAsync("dead-worker", CancellationToken.None);
        var whileLeased = await queue.ClaimAsync("live-worker", CancellationToken.None);
        server.Time.Advance(TimeSpan.FromSeconds(61));
        var live = await queue.ClaimAsync("live-worker", CancellationToken.None);
        var staleWrite = await Assert.ThrowsAsync<LeaseLostException>(() => queue.AppendEventsAsync(dead!, [new EngineEvent("resource", "late write"), new EngineEvent("resource", "late batch")], CancellationToken.None));
        await server.Services.GetRequiredService<OperationRunner>().RunAsync(live!, CancellationToken.None);
        var ready = await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Ready");

        Assert.NotNull(dead);
        Assert.Null(whileLeased);
        Assert.Equal(dead!.OperationId, live!.OperationId);
        Assert.Equal(dead.FencingToken + 1, live.FencingToken);
        Assert.Equal(2, live.Attempt);
        Assert.Contains("fencing token", staleWrite.Message);
        Assert.Equal("https://crash.preview.test", ready.Url);
        await using var db = await server.DbAsync();
        var events = await db.OperationEvents.Where(e => e.OperationId == live.OperationId).OrderBy(e => e.Sequence).ToListAsync();
        Assert.DoesNotContain(events, e => e.Message.StartsWith("late ", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Message.Contains("lease of dead-worker expired", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, events.Count), events.Select(e => e.Sequence));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lease_ExpiresMoreThanMaxAttempts_FailedCleanly(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, new ControllableEngine(), new() { ["Previews:Worker:Enabled"] = "false", ["Previews:Worker:MaxAttempts"] = "2" });
        var client = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "flaky");
        var queue = server.Services.GetRequiredService<OperationQueue>();

        await queue.ClaimAsync("w1", CancellationToken.None);
        server.Time.Advance(TimeSpan.FromMinutes(2));
        await queue.ClaimAsync("w2", CancellationToken.None);
        server.Time.Advance(TimeSpan.FromMinutes(2));
        var third = await queue.ClaimAsync("w3", CancellationToken.None);
        var environment = await client.GetFromJsonAsync<EnvironmentView>($"/v1/environments/{created.Environment.Id}", PreviewsServer.Json);
        var operation = await client.GetFromJsonAsync<OperationView>($"/v1/operations/{created.Operation.Id}", PreviewsServer.Json);

        Assert.Null(third);
        Assert.Equal("Failed", operation!.Status);
        Assert.Contains("stopped 2 times", operation.Error);
        Assert.Equal(nameof(EnvironmentStatus.Failed), environment!.Status);
        Assert.Null(environment.ActiveOperationId);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Events_ResumeWithLastEventId_OnlyLaterEventsThenEnd(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, new ControllableEngine());
        var client = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "slow-sse");

        var full = SseParser.Parse(await client.GetStringAsync($"/v1/operations/{created.Operation.Id}/events"));
        using var resume = new HttpRequestMessage(HttpMethod.Get, $"/v1/operations/{created.Operation.Id}/events") { Headers = { { "Last-Event-ID", full[2].Id } } };
        var resumed = SseParser.Parse(await (await client.SendAsync(resume)).Content.ReadAsStringAsync());

        Assert.Equal(["queued", "claimed", "prelude", "resource", "resource", "resource", "resource", "resource", "summary", "finished", "end"], full.Select(e => e.Type));
        Assert.Equal(full.Skip(3).Select(e => e.Id), resumed.Select(e => e.Id));
        Assert.Contains("\"status\":\"Succeeded\"", resumed[^1].Data);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Events_PlanOnlyWritesPlanInOneBatch_InOrderWithContiguousIds(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var client = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "batch");
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Ready");

        var events = SseParser.Parse(await client.GetStringAsync($"/v1/operations/{created.Operation.Id}/events"));

        var logged = events.Where(e => e.Type != "end").ToList();
        Assert.Equal(["queued", "claimed", "prelude"], logged.Take(3).Select(e => e.Type));
        Assert.Equal(["cost", "summary", "finished"], logged.TakeLast(3).Select(e => e.Type));
        var resources = logged.Skip(3).SkipLast(3).ToList();
        Assert.True(resources.Count >= 5, $"expected the plan's resources, got {resources.Count}");
        Assert.All(resources, e => Assert.Equal("resource", e.Type));
        Assert.Contains(resources, e => e.Data.Contains("aws:ecs:Service", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, logged.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), logged.Select(e => e.Id));
    }

    private static async Task<OperationView> WaitForOperationAsync(HttpClient client, Guid id, string status)
    {
        for (var i = 0; i < 300; i++)
        {
            var view = await client.GetFromJsonAsync<OperationView>($"/v1/operations/{id}", PreviewsServer.Json);
            if (view!.Status == status)
            {
                return view;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"operation {id} never reached {status}");
    }
}
