namespace SecureCart.Platform.Plan.Compute;

/// <summary>One grant of a service's task role: a kind of access to a plan resource named by its logical name.</summary>
public sealed record ServiceAccess(AccessKind Kind, string Resource)
{
    /// <summary>True for a grant the network enforces (a security group rule), which has no IAM action.</summary>
    public bool IsNetwork => Kind is AccessKind.PostgresConnect or AccessKind.RedisConnect;
}
