using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using SecureCart.Previews.Planning;

namespace SecureCart.Previews.Engine;

/// <summary>The embedded default: the same flow as a real engine, from the real plan and cost, creating nothing.</summary>
internal sealed class PlanOnlyEngine(IPreviewPlanner planner) : IPreviewEngine, IStackInventory
{
    public const string EngineName = "plan-only";

    // The stacks it would hold: created by up, removed by destroy, in this process only.
    private readonly ConcurrentDictionary<string, byte> _stacks = new(StringComparer.Ordinal);

    public string Name => EngineName;

    public bool CreatesResources => false;

    public async Task<EngineResult> UpAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        var result = await RunAsync(request, events, "would create", cancellationToken);
        _stacks.TryAdd(request.StackName, 0);
        return result;
    }

    public async Task<EngineResult> DestroyAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        var result = await RunAsync(request, events, "would delete", cancellationToken);
        _stacks.TryRemove(request.StackName, out _);
        return result;
    }

    public Task<IReadOnlyList<string>> ListStacksAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _stacks.Keys.Order(StringComparer.Ordinal)]);

    public Task<string> DestroyStackAsync(string stackName, CancellationToken cancellationToken) =>
        Task.FromResult(_stacks.TryRemove(stackName, out _) ? $"plan-only: stack {stackName} removed (nothing existed in the cloud)" : $"stack {stackName} not found; nothing to destroy");

    public Task CancelAsync(EngineRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<EngineResult> RunAsync(EngineRequest request, IEngineEventSink events, string verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(events);
        var prelude = new EngineEvent("prelude", $"plan-only engine: stack {request.StackName}; nothing is created in the cloud");
        var outcome = planner.Plan(request.Plan);
        if (outcome is PreviewPlanOutcome.Rejected rejected)
        {
            await events.WriteAsync(prelude, cancellationToken);
            throw new EngineFailedException("the plan was rejected: " + string.Join("; ", rejected.Reasons));
        }

        var estimate = outcome is PreviewPlanOutcome.Planned planned ? planned.Estimate : throw new InvalidOperationException("unknown plan outcome");
        // Planning is in-memory work, so the prelude waits for the plan and the whole run goes to the log
        // in one write: one commit (and one NOTIFY) per run instead of two.
        cancellationToken.ThrowIfCancellationRequested();
        var cost = string.Create(CultureInfo.InvariantCulture, $"estimated cost {estimate.CostPerHour:0.0000} USD/hour, {estimate.CostPerMonth:0.00} USD/month (size {estimate.Size})");
        var summary = $"plan-only: {estimate.Resources.Length} resources {verb.Replace("would ", "", StringComparison.Ordinal)} on paper, none in the cloud";
        List<EngineEvent> onPaper = [prelude, .. estimate.Resources.Select(resource => new EngineEvent("resource", $"{verb} {resource}")), new("cost", cost), new("summary", summary)];
        await events.WriteManyAsync(onPaper, cancellationToken);
        var outputs = ImmutableDictionary<string, string>.Empty
            .Add("url", estimate.Url)
            .Add("stack", estimate.StackName)
            .Add("planOnly", "true");
        return new EngineResult(outputs, summary);
    }
}
