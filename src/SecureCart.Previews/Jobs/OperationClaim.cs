using SecureCart.Previews.Domain;
using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Jobs;

/// <summary>A worker's hold on one operation; every write it makes carries <see cref="FencingToken"/>.</summary>
internal sealed class OperationClaim(
    Guid operationId, Guid environmentId, OperationKind kind, long fencingToken, int attempt, string workerId, EngineRequest request, int nextSequence, DateTimeOffset leaseUntil)
{
    private int _nextSequence = nextSequence;
    private int? _finishSequence;

    public Guid OperationId { get; } = operationId;
    public Guid EnvironmentId { get; } = environmentId;
    public OperationKind Kind { get; } = kind;
    public long FencingToken { get; } = fencingToken;
    public int Attempt { get; } = attempt;
    public string WorkerId { get; } = workerId;
    public EngineRequest Request { get; } = request;

    /// <summary>The lease end written by the claim itself; renewals move it on from there.</summary>
    public DateTimeOffset LeaseUntil { get; } = leaseUntil;

    /// <summary>The number of the "finished" event, taken once so a retried completion writes the same row.</summary>
    public int FinishSequence => _finishSequence ??= TakeSequences(1);

    /// <summary>Reserves <paramref name="count"/> consecutive event numbers and returns the first.</summary>
    public int TakeSequences(int count) => Interlocked.Add(ref _nextSequence, count) - count;
}
