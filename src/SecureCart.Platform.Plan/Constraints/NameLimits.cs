namespace SecureCart.Platform.Plan.Constraints;

/// <summary>Data: the longest name AWS accepts per kind of resource, and where the plan holds such names.</summary>
public static class NameLimits
{
    public static IReadOnlyList<(string Kind, int Limit, Func<RegionalPlan, IEnumerable<string>> Names)> All { get; } =
    [
        ("load balancer", 32, p => [p.Ingress.LoadBalancer.Name]),
        ("target group", 32, p => p.Compute.Services.Where(s => s.OnAlb).Select(s => s.TargetGroupName)),
        ("ElastiCache replication group id", 40, p => [p.Data.Redis.ReplicationGroupId]),
        ("RDS DB instance identifier", 63, p => p.Data.Rds.Replicas.Select(r => r.Identifier).Prepend(p.Data.Rds.Identifier)),
        ("Lambda function", 64, p => p.Workflow.Functions.Select(f => f.Name)),
        ("SQS queue", 80, p => p.Messaging.Queues.SelectMany(q => new[] { q.Name, q.DeadLetterName })),
        ("Step Functions state machine", 80, p => [p.Workflow.StateMachineName]),
        ("ECS service", 255, p => p.Compute.Services.Select(s => s.Name)),
        ("RDS DB instance identifier (standby)", 63, p => p.Data.Standby is { } s ? [s.Identifier] : []),
        ("RDS Proxy", 60, p => p.Data.Proxy is { } x ? [x.Name] : []),
        ("S3 bucket", 63, p => p.Edge is { } e ? [e.CloudFront.StaticBucketName, .. e.CloudFront.StaticReplication is { } r ? [r.ReplicaBucketName] : Array.Empty<string>()] : []),
        ("IAM role", 64, p => p.Edge?.CloudFront.StaticReplication is { } r ? [r.RoleName] : []),
    ];
}
