using System.Collections.Immutable;
using System.Globalization;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Data;
using SecureCart.Platform.Plan.Edge;
using SecureCart.Platform.Plan.Messaging;

namespace SecureCart.Platform.Plan.Recovery;

/// <summary>
/// Publishes RPO and RTO per data store and the region-failure path. The figures are AWS's documented ones for the
/// mechanism the plan deploys; where AWS documents none (asynchronous replica lag), the row says what bounds it.
/// </summary>
public static class RecoveryPlanner
{
    public static RecoveryPlan Plan(StackSettings stack, IReadOnlyList<StackSettings> allStacks, DataPlan data, MessagingPlan messaging, EdgePlan? homeEdge)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(messaging);
        var keptBy = RecoveryPartners.KeptBy(stack, allStacks);
        var protects = RecoveryPartners.Protects(stack, allStacks);
        // This stack's copies exist when it and its partner are production stacks (DataPlanner plans the standby there).
        var copied = keptBy is not null && stack.Profile == SizeProfile.Production && keptBy.Profile == SizeProfile.Production;
        var rds = data.Rds;
        var objectives = ImmutableArray.CreateBuilder<RecoveryObjective>();

        objectives.Add(new("PostgreSQL (orders, payments)", "zone", rds.MultiAz ? "Multi-AZ failover to the synchronous standby" : "single-AZ: restore from backup",
            rds.MultiAz ? "0 (synchronous standby)" : "up to 5 min (transaction logs)",
            rds.MultiAz ? "60-120 s" : "restore time (size-dependent)",
            "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html"));
        objectives.Add(copied
            ? new("PostgreSQL (orders, payments)", "region", $"promote the standby replica in {keptBy!.Region} (its readers serve order history before promotion)",
                string.Create(CultureInfo.InvariantCulture, $"replica lag at the failure, held under {RdsStandbyPlan.RpoSeconds} s (asynchronous; its ReplicaLag alarm pages above that)"), "minutes: promotion plus the runbook's switch",
                "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.Promote.html")
            : new("PostgreSQL (orders, payments)", "region", "none: backups stay in the region", "everything since the region was lost, until it returns", "until the region returns",
                "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html"));
        if (copied)
        {
            objectives.Add(new("PostgreSQL (orders, payments)", "region, standby unusable", $"point-in-time restore from the backups replicated to {keptBy!.Region}",
                "about 5 min (transaction logs are copied as they are ready)", "restore time (size-dependent; an hour for hundreds of GiB)",
                "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReplicateBackups.html"));
        }

        var tables = string.Join(", ", data.Tables.Select(t => t.LogicalName));
        objectives.Add(data.Tables.Any(t => t.ReplicaRegions.Length > 0)
            ? new($"DynamoDB global tables ({tables})", "region", "the other regions' replicas keep serving (active-active)", "about 1 s (replication typically within a second)", "0: traffic moves with the accelerator",
                "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html")
            : new($"DynamoDB tables ({tables})", "region", "single region: point-in-time recovery only", "everything since the region was lost", "until the region returns",
                "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html"));
        objectives.Add(new("ElastiCache Redis (cache, session cache)", "region", "not replicated: caches refill from DynamoDB and PostgreSQL on misses", "none that matters: cached copies only", "0 for correctness; latency until warm",
            "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Redis-Global-Datastore.html"));
        var retention = messaging.Queues.Length == 0 ? 0 : messaging.Queues.Min(q => q.MessageRetentionSeconds) / 86400;
        objectives.Add(new($"SQS queues in flight ({string.Join(", ", messaging.Queues.Select(q => q.LogicalName))})", "region",
            "regional and stored across zones: stranded, not lost; drained when the region returns",
            "0 once the region returns; orders queued but not yet fulfilled wait",
            string.Create(CultureInfo.InvariantCulture, $"until the region returns (messages kept {retention} d)"),
            "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-architecture.html"));
        objectives.Add(homeEdge?.CloudFront.StaticReplication is { } replication
            ? new("S3 static assets", "region", $"replicated to {replication.ReplicaRegion} with Replication Time Control; CloudFront's origin group fails over per request",
                string.Create(CultureInfo.InvariantCulture, $"{replication.ReplicationTimeMinutes} min (RTC: 99.99 % of objects)"), "seconds: the failing request is retried on the replica",
                "https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-time-control.html")
            : new("S3 static assets", "region", stack.IsHome ? "single bucket: no second region to replicate to" : "served by the home stack's edge (see its plan)",
                stack.IsHome ? "objects uploaded since the last release build" : "-", stack.IsHome ? "until the region returns" : "-",
                "https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html"));
        objectives.Add(new("Step Functions executions (fulfilment)", "region", "regional: running executions stay in the region and resume or time out when it returns; orders in the standby show their last state",
            "0 once the region returns", "until the region returns; reconciliation by the runbook",
            "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-standard-vs-express.html"));

        return new RecoveryPlan(keptBy?.StackName, keptBy?.Region, protects?.StackName, objectives.ToImmutable(), Path(stack, keptBy, copied));
    }

    private static ImmutableArray<string> Path(StackSettings stack, StackSettings? keptBy, bool copied)
    {
        var steps = ImmutableArray.CreateBuilder<string>();
        steps.Add($"automatic: Global Accelerator stops sending {stack.Region}'s share to its ALB once the ALB's targets fail health checks; the other endpoint groups take it");
        steps.Add("automatic: carts, sessions and catalog are served from the surviving regions' global-table replicas");
        steps.Add("automatic: static assets fail over per request to the replica bucket (CloudFront origin group)");
        steps.Add($"runbook: set {stack.Region}'s traffic dial to 0 (Global Accelerator's control plane is in us-west-2, outside both shop regions) so a flapping region gets no traffic");
        if (copied)
        {
            steps.Add($"runbook: orders and payments of {stack.StackName} stay readable on {keptBy!.StackName}'s standby ({keptBy.Region}) at once; if the outage will outlast 30 minutes, promote it (aws rds promote-read-replica): its endpoint, which {keptBy.StackName}'s tasks already hold as their partner reader, then takes writes");
        }
        else
        {
            steps.Add($"runbook: orders and payments of {stack.StackName} are unavailable until the region returns (no standby in this profile)");
        }

        steps.Add("runbook: queued orders and running executions wait in the region; on its return, drain the queues and reconcile executions against the orders table before failing back");
        return steps.ToImmutable();
    }
}
