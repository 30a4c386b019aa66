using System.Collections.Immutable;
using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Tests.Support;

/// <summary>
/// An engine the test paces: an up writes its first event, waits for <see cref="ReleaseProgress"/>, writes another,
/// waits for <see cref="ReleaseFinish"/> and succeeds; so a watcher can be shown to receive events while it runs.
/// </summary>
public sealed class PacedEngine : IPreviewEngine
{
    private readonly TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "gated";

    public bool CreatesResources => true;

    public void ReleaseProgress() => _progress.TrySetResult();

    public void ReleaseFinish() => _finish.TrySetResult();

    public async Task<EngineResult> UpAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        await events.WriteAsync(new EngineEvent("prelude", $"up {request.StackName}"), cancellationToken);
        await _progress.Task.WaitAsync(cancellationToken);
        await events.WriteAsync(new EngineEvent("resource", "created service storefront"), cancellationToken);
        await _finish.Task.WaitAsync(cancellationToken);
        await events.WriteAsync(new EngineEvent("summary", "done"), cancellationToken);
        return new EngineResult(ImmutableDictionary<string, string>.Empty.Add("url", $"https://{request.Plan.Name}.preview.test"), "created");
    }

    public async Task<EngineResult> DestroyAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        await events.WriteAsync(new EngineEvent("resource", $"destroyed {request.StackName}"), cancellationToken);
        return new EngineResult(ImmutableDictionary<string, string>.Empty, "destroyed");
    }

    public Task CancelAsync(EngineRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
}
