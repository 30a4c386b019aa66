namespace SecureCart.Previews.Engine;

/// <summary>An engine's expected failure: the message is shown to the user as the operation's error.</summary>
public sealed class EngineFailedException : Exception
{
    public EngineFailedException()
    {
    }

    public EngineFailedException(string message)
        : base(message)
    {
    }

    public EngineFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
