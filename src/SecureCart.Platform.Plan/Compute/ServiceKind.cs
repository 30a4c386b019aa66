namespace SecureCart.Platform.Plan.Compute;

/// <summary>How a service is reached and where it runs.</summary>
public enum ServiceKind
{
    /// <summary>Serves HTTP behind the ALB (a path rule or the default action).</summary>
    Public,

    /// <summary>Serves HTTP to other services only, through ECS Service Connect.</summary>
    Internal,

    /// <summary>Consumes queues; runs on the EC2 worker capacity provider in production.</summary>
    Worker,
}
