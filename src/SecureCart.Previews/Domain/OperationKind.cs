namespace SecureCart.Previews.Domain;

public enum OperationKind
{
    Up,
    Destroy,
}
