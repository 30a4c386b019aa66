using System.Collections.Immutable;
using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Tests.Support;

/// <summary>
/// Drives faults by environment name: "slow…" takes a while, "fail…" fails, "hang…" runs until cancelled,
/// anything else finishes at once. Destroys always succeed.
/// </summary>
public sealed class ControllableEngine : IPreviewEngine
{
    public string Name => "controllable";

    public bool CreatesResources => true;

    public int Cancels { get; private set; }

    public async Task<EngineResult> UpAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        var name = request.Plan.Name;
        await events.WriteAsync(new EngineEvent("prelude", $"up {request.StackName}"), cancellationToken);
        if (name.StartsWith("slow", StringComparison.Ordinal))
        {
            for (var i = 1; i <= 5; i++)
            {
                await Task.Delay(100, cancellationToken);
                await events.WriteAsync(new EngineEvent("resource", $"step {i}"), cancellationToken);
            }
        }
        else if (name.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new EngineFailedException("resource quota exceeded in the account (simulated)");
        }
        else if (name.StartsWith("hang", StringComparison.Ordinal))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await events.WriteAsync(new EngineEvent("summary", "done"), cancellationToken);
        return new EngineResult(ImmutableDictionary<string, string>.Empty.Add("url", $"https://{name}.preview.test"), "created");
    }

    public async Task<EngineResult> DestroyAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        await events.WriteAsync(new EngineEvent("resource", $"destroy {request.StackName}"), cancellationToken);
        return new EngineResult(ImmutableDictionary<string, string>.Empty, "destroyed");
    }

    public Task CancelAsync(EngineRequest request, CancellationToken cancellationToken)
    {
        Cancels++;
        return Task.CompletedTask;
    }
}
