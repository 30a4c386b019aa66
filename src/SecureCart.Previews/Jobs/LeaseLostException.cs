namespace SecureCart.Previews.Jobs;

/// <summary>The claim's lease expired and another worker holds a newer fencing token: this worker must stop writing.</summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException()
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
