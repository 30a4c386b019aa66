using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Audit;

/// <summary>Who did what to which environment, with what outcome, from where.</summary>
public sealed record AuditEntry(
    string Actor,
    string Team,
    string Action,
    Guid? EnvironmentId,
    string Outcome,
    string RequestId,
    string SourceAddress)
{
    /// <summary>The entry as the row that follows <paramref name="previousHash"/> in its team's chain, hashed.</summary>
    public AuditRecord ToRecord(long sequence, long chainSequence, DateTimeOffset at, string previousHash, AuditHasher hasher)
    {
        var record = new AuditRecord
        {
            Sequence = sequence,
            ChainSequence = chainSequence,
            At = at,
            Actor = Actor,
            Team = Team,
            Action = Action,
            EnvironmentId = EnvironmentId,
            Outcome = Outcome,
            RequestId = RequestId,
            SourceAddress = SourceAddress,
            PreviousHash = previousHash,
        };
        record.Hash = hasher.Compute(record);
        return record;
    }
}
