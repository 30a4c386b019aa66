namespace SecureCart.Platform.Plan.Network;

/// <summary>Which traffic a subnet carries.</summary>
public enum SubnetTier
{
    /// <summary>Internet gateway route: NAT gateways only (the load balancer is internal).</summary>
    Public,

    /// <summary>NAT egress: tasks, workers, Lambdas, the internal ALB.</summary>
    Private,

    /// <summary>No internet route at all: RDS and Redis.</summary>
    Isolated,
}
