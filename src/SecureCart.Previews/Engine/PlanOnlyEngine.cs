using System.Collections.Immutable;
using System.Globalization;
using SecureCart.Previews.Planning;

namespace SecureCart.Previews.Engine;

/// <summary>The embedded default: the same flow as a real engine, from the real plan and cost, creating nothing.</summary>
internal sealed class PlanOnlyEngine(IPreviewPlanner planner) : IPreviewEngine
{
    public const string EngineName = "plan-only";

    public string Name => EngineName;

    public bool CreatesResources => false;

    public Task<EngineResult> UpAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken) =>
        RunAsync(request, events, "would create", cancellationToken);

    public Task<EngineResult> DestroyAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken) =>
        RunAsync(request, events, "would delete", cancellationToken);

    public Task CancelAsync(EngineRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<EngineResult> RunAsync(EngineRequest request, IEngineEventSink events, string verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(events);
        await events.WriteAsync(new EngineEvent("prelude", $"plan-only engine: stack {request.StackName}; nothing is created in the cloud"), cancellationToken);
        var estimate = planner.Plan(request.Plan) switch
        {
            PreviewPlanOutcome.Planned planned => planned.Estimate,
            PreviewPlanOutcome.Rejected rejected => throw new EngineFailedException("the plan was rejected: " + string.Join("; ", rejected.Reasons)),
            _ => throw new InvalidOperationException("unknown plan outcome"),
        };
        // The whole plan is known at once, so its events go to the log in one write.
        cancellationToken.ThrowIfCancellationRequested();
        var cost = string.Create(CultureInfo.InvariantCulture, $"estimated cost {estimate.CostPerHour:0.0000} USD/hour, {estimate.CostPerMonth:0.00} USD/month (size {estimate.Size})");
        var summary = $"plan-only: {estimate.Resources.Length} resources {verb.Replace("would ", "", StringComparison.Ordinal)} on paper, none in the cloud";
        List<EngineEvent> onPaper = [.. estimate.Resources.Select(resource => new EngineEvent("resource", $"{verb} {resource}")), new("cost", cost), new("summary", summary)];
        await events.WriteManyAsync(onPaper, cancellationToken);
        var outputs = ImmutableDictionary<string, string>.Empty
            .Add("url", estimate.Url)
            .Add("stack", estimate.StackName)
            .Add("planOnly", "true");
        return new EngineResult(outputs, summary);
    }
}
