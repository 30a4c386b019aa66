using SecureCart.Platform.Plan.Previews;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Planning;

namespace SecureCart.Previews.Databases;

/// <summary>
/// Wraps the engine so that an environment owns its database: created (idempotently) before each `up` and handed
/// to the engine, dropped after a successful destroy. A failure at either point fails the operation like an engine
/// failure does, and the environment stays where a retry (or another delete) completes the work.
/// </summary>
internal sealed class DatabaseOwningEngine(IPreviewEngine inner, PlatformPreviewPlanner planner, PreviewDatabases databases) : IPreviewEngine
{
    public string Name => inner.Name;

    public bool CreatesResources => inner.CreatesResources;

    public IPreviewEngine Inner => inner;

    public async Task<EngineResult> UpAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(events);
        var plan = DatabaseOf(request);
        await events.WriteAsync(new EngineEvent("database", $"ensuring database and role {plan.Name} in the base instance"), cancellationToken);
        var database = await databases.EnsureAsync(plan, cancellationToken);
        await events.WriteAsync(new EngineEvent("database", $"database {plan.Name} ready; only its own role may connect"), cancellationToken);
        return await inner.UpAsync(request with { Database = database }, events, cancellationToken);
    }

    public async Task<EngineResult> DestroyAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(events);
        // The stack goes first: its tasks are what connect to the database.
        var result = await inner.DestroyAsync(request, events, cancellationToken);
        var plan = DatabaseOf(request);
        await databases.DropAsync(plan.Name, cancellationToken);
        await events.WriteAsync(new EngineEvent("database", $"database and role {plan.Name} dropped"), cancellationToken);
        return result;
    }

    public Task CancelAsync(EngineRequest request, CancellationToken cancellationToken) => inner.CancelAsync(request, cancellationToken);

    private PreviewDatabasePlan DatabaseOf(EngineRequest request) => planner.PlanFull(request.Plan) switch
    {
        PreviewPlanResult.Planned planned => planned.Plan.Database,
        PreviewPlanResult.Rejected rejected => throw new EngineFailedException("the plan was rejected: " + string.Join("; ", rejected.Reasons)),
        _ => throw new InvalidOperationException("unknown plan result"),
    };
}
