namespace SecureCart.Previews.State.Entities;

public sealed class OperationEventRecord
{
    public long Id { get; set; }
    public Guid OperationId { get; set; }
    public int Sequence { get; set; }
    public string Type { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
