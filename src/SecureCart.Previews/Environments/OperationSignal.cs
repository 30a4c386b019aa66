namespace SecureCart.Previews.Environments;

/// <summary>Wakes this replica's workers when it queues an operation; other replicas find it on their next poll.</summary>
internal sealed class OperationSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, int.MaxValue);

    public void Notify() => _pending.Release();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _pending.Dispose();
}
