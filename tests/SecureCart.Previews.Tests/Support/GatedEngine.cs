using System.Collections.Immutable;
using System.Threading.Channels;
using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Tests.Support;

/// <summary>An engine whose up writes one "step" event each time the test calls <see cref="Release"/>, then "summary" after the last.</summary>
public sealed class GatedEngine(int steps) : IPreviewEngine
{
    private readonly Channel<bool> _gate = Channel.CreateUnbounded<bool>();

    public string Name => "gated";

    public bool CreatesResources => true;

    public int Steps => steps;

    public void Release(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _gate.Writer.TryWrite(true);
        }
    }

    public async Task<EngineResult> UpAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        await events.WriteAsync(new EngineEvent("prelude", $"up {request.StackName}"), cancellationToken);
        for (var i = 1; i <= steps; i++)
        {
            await _gate.Reader.ReadAsync(cancellationToken);
            await events.WriteAsync(new EngineEvent("resource", $"step {i}"), cancellationToken);
        }

        await events.WriteAsync(new EngineEvent("summary", "done"), cancellationToken);
        return new EngineResult(ImmutableDictionary<string, string>.Empty.Add("url", $"https://{request.Plan.Name}.preview.test"), "created");
    }

    public Task<EngineResult> DestroyAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken) =>
        Task.FromResult(new EngineResult(ImmutableDictionary<string, string>.Empty, "destroyed"));

    public Task CancelAsync(EngineRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
}
