using System.Collections.Concurrent;
using System.Collections.Immutable;
using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Tests.Support;

/// <summary>One backend's stacks shared by several replicas' engines; destroys are slow so replicas could race, and each is counted.</summary>
public sealed class SharedStacksEngine : IPreviewEngine, IStackInventory
{
    private readonly ConcurrentDictionary<string, byte> _stacks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _destroys = new(StringComparer.Ordinal);

    public string Name => "shared-stacks";

    public bool CreatesResources => true;

    public void Seed(params string[] stacks)
    {
        foreach (var stack in stacks)
        {
            _stacks.TryAdd(stack, 0);
        }
    }

    public bool Has(string stack) => _stacks.ContainsKey(stack);

    public int Destroys(string stack) => _destroys.GetValueOrDefault(stack);

    public Task<EngineResult> UpAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        _stacks.TryAdd(request.StackName, 0);
        return Task.FromResult(new EngineResult(ImmutableDictionary<string, string>.Empty.Add("url", $"https://{request.Plan.Name}.preview.test"), "created"));
    }

    public Task<EngineResult> DestroyAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        _stacks.TryRemove(request.StackName, out _);
        return Task.FromResult(new EngineResult(ImmutableDictionary<string, string>.Empty, "destroyed"));
    }

    public Task CancelAsync(EngineRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<string>> ListStacksAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _stacks.Keys]);

    public async Task<string> DestroyStackAsync(string stackName, CancellationToken cancellationToken)
    {
        _destroys.AddOrUpdate(stackName, 1, (_, n) => n + 1);
        await Task.Delay(300, cancellationToken);
        _stacks.TryRemove(stackName, out _);
        return $"{stackName} gone";
    }
}
