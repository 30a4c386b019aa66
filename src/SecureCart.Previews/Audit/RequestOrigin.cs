namespace SecureCart.Previews.Audit;

public sealed record RequestOrigin(string RequestId, string SourceAddress)
{
    public static RequestOrigin System { get; } = new("system", "local");
}
