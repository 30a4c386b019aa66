using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Jobs;
using SecureCart.Previews.Orphans;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Orphans;

public sealed class OrphanSweepTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Find_BothKinds_ReportedToAdminsAndNothingDestroyedByDefault(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var (kept, ghost, lost) = await ThreeEnvironmentsAsync(server);
        var inventory = (IStackInventory)server.Services.GetRequiredService<IPreviewEngine>();
        var admin = await server.ClientForAsync("ops", admin: true);
        var developer = await server.ClientForAsync("alpha");

        Assert.Equal(HttpStatusCode.Forbidden, (await developer.GetAsync("/v1/orphans")).StatusCode);
        var found = await admin.GetFromJsonAsync<OrphanReport>("/v1/orphans", PreviewsServer.Json);
        var swept = await (await admin.PostAsync("/v1/orphans/sweep", null)).Content.ReadFromJsonAsync<OrphanReport>(PreviewsServer.Json);

        foreach (var report in new[] { found!, swept! })
        {
            Assert.True(report.CanList);
            Assert.False(report.DestroyStacks);
            var orphan = Assert.Single(report.OrphanStacks);
            Assert.Equal(ghost, orphan.Name);
            Assert.Equal("reported", orphan.Outcome);
            var stackless = Assert.Single(report.StacklessEnvironments);
            Assert.Equal(lost, stackless.StackName);
        }

        Assert.Contains(ghost, await inventory.ListStacksAsync(CancellationToken.None));
        Assert.Contains(kept, await inventory.ListStacksAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Sweep_DestroyConfigured_OrphanStackDestroyedAndAuditedLiveStacksKept(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, settings: new() { ["Previews:Orphans:DestroyStacks"] = "true" });
        var (kept, ghost, lost) = await ThreeEnvironmentsAsync(server);
        var inventory = (IStackInventory)server.Services.GetRequiredService<IPreviewEngine>();
        var admin = await server.ClientForAsync("ops", admin: true);

        var response = await admin.PostAsync("/v1/orphans/sweep", null);
        var report = await response.Content.ReadFromJsonAsync<OrphanReport>(PreviewsServer.Json);
        var after = await admin.GetFromJsonAsync<OrphanReport>("/v1/orphans", PreviewsServer.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("destroyed: ", Assert.Single(report!.OrphanStacks).Outcome, StringComparison.Ordinal);
        Assert.Equal(lost, Assert.Single(report.StacklessEnvironments).StackName);
        var stacks = await inventory.ListStacksAsync(CancellationToken.None);
        Assert.DoesNotContain(ghost, stacks);
        Assert.Contains(kept, stacks);
        Assert.Empty(after!.OrphanStacks);
        await using var db = await server.DbAsync();
        var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == OrphanSweep.Action);
        Assert.Contains(ghost, audit.Outcome, StringComparison.Ordinal);
        // The environment whose stack is gone is reported, never destroyed by the sweep.
        Assert.Equal(EnvironmentStatus.Ready, (await db.Environments.AsNoTracking().SingleAsync(e => e.StackName == lost)).Status);
    }

    [Fact]
    public async Task Schedule_TwoReplicasRacing_EachOrphanDestroyedOnceAndOwnedStacksKept()
    {
        var engine = new SharedStacksEngine();
        engine.Seed("preview-gone-one", "preview-gone-two", "preview-base");
        await using var database = await TestDatabase.CreateAsync("Postgres");
        var settings = new Dictionary<string, string?>
        {
            ["Previews:Orphans:DestroyStacks"] = "true",
            ["Previews:Orphans:IntervalSeconds"] = "1",
            ["Previews:Orphans:LeaseSeconds"] = "30",
        };
        await using var first = await PreviewsServer.StartReplicaAsync(database, null, engine, new(settings) { ["Previews:Worker:WorkerId"] = "one" });
        await using var second = await PreviewsServer.StartReplicaAsync(database, null, engine, new(settings) { ["Previews:Worker:WorkerId"] = "two" });
        var client = await first.ClientForAsync("alpha");
        var live = await PreviewsServer.CreateAsync(client, "live");
        var ready = await PreviewsServer.WaitForStatusAsync(client, live.Environment.Id, "Ready");

        for (var i = 0; i < 200 && (engine.Has("preview-gone-one") || engine.Has("preview-gone-two")); i++)
        {
            await Task.Delay(50);
        }

        // A few more ticks on both replicas: nothing is destroyed twice, nothing owned is touched.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.False(engine.Has("preview-gone-one"));
        Assert.False(engine.Has("preview-gone-two"));
        Assert.Equal(1, engine.Destroys("preview-gone-one"));
        Assert.Equal(1, engine.Destroys("preview-gone-two"));
        Assert.True(engine.Has("preview-base"), "the shared base stack is never an orphan");
        await using var db = await first.DbAsync();
        var stackName = (await db.Environments.AsNoTracking().SingleAsync(e => e.Id == ready.Id)).StackName;
        Assert.True(engine.Has(stackName));
        Assert.Equal(0, engine.Destroys(stackName));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lease_OneHolderUntilItExpiresOrIsReleased(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var lease = server.Services.GetRequiredService<JobLease>();
        var token = CancellationToken.None;

        Assert.True(await lease.TryAcquireAsync("job", "a", TimeSpan.FromSeconds(10), token));
        Assert.False(await lease.TryAcquireAsync("job", "b", TimeSpan.FromSeconds(10), token));
        Assert.True(await lease.TryAcquireAsync("job", "a", TimeSpan.FromSeconds(10), token));
        server.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.True(await lease.TryAcquireAsync("job", "b", TimeSpan.FromSeconds(10), token));
        Assert.False(await lease.TryAcquireAsync("job", "a", TimeSpan.FromSeconds(10), token));
        await lease.ReleaseAsync("job", "b", token);
        Assert.True(await lease.TryAcquireAsync("job", "a", TimeSpan.FromSeconds(10), token));
    }

    /// <summary>
    /// Three ready environments: one left alone, one whose row says destroyed while its stack stayed (an orphan stack),
    /// one whose stack was removed behind the service's back (a stackless environment). Returns their stack names.
    /// </summary>
    private static async Task<(string Kept, string Ghost, string Lost)> ThreeEnvironmentsAsync(PreviewsServer server)
    {
        var client = await server.ClientForAsync("alpha");
        var names = new List<string>();
        foreach (var name in new[] { "kept", "ghost", "lost" })
        {
            var created = await PreviewsServer.CreateAsync(client, name);
            await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Ready");
            await using var db = await server.DbAsync();
            names.Add((await db.Environments.AsNoTracking().SingleAsync(e => e.Id == created.Environment.Id)).StackName);
        }

        await using (var db = await server.DbAsync())
        {
            await db.Environments.Where(e => e.StackName == names[1]).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EnvironmentStatus.Destroyed));
        }

        await ((IStackInventory)server.Services.GetRequiredService<IPreviewEngine>()).DestroyStackAsync(names[2], CancellationToken.None);
        return (names[0], names[1], names[2]);
    }
}
