using SecureCart.Previews.Domain;

namespace SecureCart.Previews.Api;

public abstract record CommandOutcome<T>
{
    private CommandOutcome()
    {
    }

    /// <param name="Replayed">True when an Idempotency-Key matched an earlier request and nothing new was done.</param>
    public sealed record Accepted(T Value, bool Replayed = false) : CommandOutcome<T>;

    public sealed record Refused(Refusal Refusal) : CommandOutcome<T>;
}
