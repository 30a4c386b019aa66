namespace SecureCart.Previews.Domain;

public enum EnvironmentStatus
{
    Provisioning,
    Ready,
    Failed,
    Destroying,
    Destroyed,
}
