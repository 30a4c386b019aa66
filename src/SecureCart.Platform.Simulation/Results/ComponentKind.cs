namespace SecureCart.Platform.Simulation.Results;

/// <summary>What a simulated component is; decides its units and which plan keys can relieve it.</summary>
public enum ComponentKind
{
    /// <summary>An ECS service answering HTTP (public or internal).</summary>
    Service,

    /// <summary>An ECS service draining a queue.</summary>
    Worker,

    /// <summary>
    /// The regional ALB: it scales itself and AWS publishes no rate for that, so it is shown, not limited; an
    /// LCU reservation is its pre-warm (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/capacity-unit-reservation.html).
    /// </summary>
    LoadBalancer,

    /// <summary>The regional HTTP API's throttles.</summary>
    ApiGateway,

    /// <summary>An on-demand DynamoDB table's reads or writes in the stack's region.</summary>
    Table,

    /// <summary>The RDS primary (writes).</summary>
    DatabasePrimary,

    /// <summary>The RDS read replicas (reads).</summary>
    DatabaseReplicas,

    /// <summary>The Redis cluster.</summary>
    Cache,
}
