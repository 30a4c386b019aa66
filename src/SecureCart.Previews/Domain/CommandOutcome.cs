namespace SecureCart.Previews.Domain;

/// <summary>What a command did: accepted with its result, or refused with a reason (mapped to a status code only at the HTTP edge).</summary>

public abstract record CommandOutcome<T>
{
    private CommandOutcome()
    {
    }

    /// <param name="Replayed">True when an Idempotency-Key matched an earlier request and nothing new was done.</param>
    public sealed record Accepted(T Value, bool Replayed = false) : CommandOutcome<T>;

    public sealed record Refused(Refusal Refusal) : CommandOutcome<T>;
}
