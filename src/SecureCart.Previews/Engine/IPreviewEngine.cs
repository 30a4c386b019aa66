namespace SecureCart.Previews.Engine;

/// <summary>
/// Runs one operation on one environment's stack. Long-running calls report progress to the sink as they go;
/// cancelling the token stops the call, and <see cref="CancelAsync"/> asks the backend to stop an update in flight.
/// </summary>
public interface IPreviewEngine
{
    string Name { get; }

    /// <summary>False for the plan-only engine: it computes the plan and cost and creates nothing.</summary>
    bool CreatesResources { get; }

    Task<EngineResult> UpAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken);

    Task<EngineResult> DestroyAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken);

    Task CancelAsync(EngineRequest request, CancellationToken cancellationToken);
}
