using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecureCart.Previews.Planning;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Environments;

public sealed class PlanOnceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_ThenUpAndDestroy_PlannedOnceAndEveryOperationUsesTheStoredStack(string provider)
    {
        var planner = new CountingPlanner();
        await using var server = await PreviewsServer.StartAsync(provider, new ControllableEngine(),
            services: s => s.AddSingleton<IPreviewPlanner>(sp => planner.Wrapping(sp.GetRequiredService<PlatformPreviewPlanner>())));
        var client = await server.ClientForAsync("alpha");

        var created = await PreviewsServer.CreateAsync(client, "planned");
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Ready");
        await client.DeleteAsync($"/v1/environments/{created.Environment.Id}");
        await PreviewsServer.WaitForStatusAsync(client, created.Environment.Id, "Destroyed");

        Assert.Equal(1, planner.Calls);
        await using var db = await server.DbAsync();
        var stack = (await db.Environments.SingleAsync(e => e.Id == created.Environment.Id)).StackName;
        Assert.Equal("preview-alpha-planned", stack);
        var events = await db.OperationEvents.Select(e => new { e.Type, e.Message }).ToListAsync();
        var engineLines = events.Where(e => e.Type == "prelude" || (e.Type == "resource" && e.Message.StartsWith("destroy", StringComparison.Ordinal))).Select(e => e.Message).ToList();
        Assert.Equal(2, engineLines.Count);
        Assert.All(engineLines, line => Assert.EndsWith(stack, line, StringComparison.Ordinal));
    }

    private sealed class CountingPlanner : IPreviewPlanner
    {
        private IPreviewPlanner? _inner;
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public IReadOnlyList<string> Sizes => _inner!.Sizes;

        public CountingPlanner Wrapping(IPreviewPlanner inner)
        {
            _inner = inner;
            return this;
        }

        public PreviewPlanOutcome Plan(PreviewPlanRequest request)
        {
            Interlocked.Increment(ref _calls);
            return _inner!.Plan(request);
        }
    }
}
