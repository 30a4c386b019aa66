namespace SecureCart.Previews.State.Entities;

public sealed class IdempotencyRecord
{
    public string Team { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public Guid EnvironmentId { get; set; }
    public Guid OperationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
