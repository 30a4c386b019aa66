using SecureCart.Previews.Domain;
using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Jobs;

/// <summary>A worker's hold on one operation; every write it makes carries <see cref="FencingToken"/>.</summary>
internal sealed class OperationClaim(Guid operationId, Guid environmentId, OperationKind kind, long fencingToken, int attempt, string workerId, EngineRequest request, int nextSequence)
{
    private int _nextSequence = nextSequence;

    public Guid OperationId { get; } = operationId;
    public Guid EnvironmentId { get; } = environmentId;
    public OperationKind Kind { get; } = kind;
    public long FencingToken { get; } = fencingToken;
    public int Attempt { get; } = attempt;
    public string WorkerId { get; } = workerId;
    public EngineRequest Request { get; } = request;

    public int TakeSequence() => Interlocked.Increment(ref _nextSequence) - 1;
}
