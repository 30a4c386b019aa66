namespace SecureCart.Previews.Notices;

/// <summary>What an extend link says, once its signature is checked.</summary>
public abstract record ExtendToken
{
    private ExtendToken()
    {
    }

    public sealed record Valid(Guid EnvironmentId, DateTimeOffset ExpiresAt) : ExtendToken;

    /// <summary>Genuine, but the expiry it was issued for has passed.</summary>
    public sealed record Expired(Guid EnvironmentId, DateTimeOffset ExpiresAt) : ExtendToken;

    /// <summary>Malformed, altered, or signed with another key.</summary>
    public sealed record Invalid(string Reason) : ExtendToken;
}
