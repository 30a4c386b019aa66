namespace SecureCart.Previews.Domain;

public enum OperationStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
