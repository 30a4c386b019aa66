using System.Collections.Immutable;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Naming;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Data;

/// <summary>Plans RDS, the global tables and Redis for a stack, given every stack of the project.</summary>
public static class DataPlanner
{
    public static DataPlan Plan(StackSettings stack, IReadOnlyList<StackSettings> allStacks, ResourceNames names, NetworkPlan network)
    {
        var production = stack.Profile == SizeProfile.Production;
        var replicas = Enumerable.Range(1, stack.Rds.ReadReplicas)
            .Select(i => new RdsReplicaPlan(
                $"postgres-replica-{i}",
                names.Physical($"postgres-replica-{i}"),
                stack.Rds.InstanceClass,
                // Spread replicas over the zones, starting away from the primary's zone.
                network.AvailabilityZones[i % network.AvailabilityZones.Length]))
            .ToImmutableArray();
        var rds = new RdsPlan(
            names.Physical("postgres"),
            "postgres",
            "16",
            stack.Rds.InstanceClass,
            "gp3",
            stack.Rds.StorageGb,
            // Storage autoscaling headroom: a Black Friday order surge must not fill the disk.
            stack.Rds.StorageGb * 5,
            MultiAz: production,
            stack.Rds.BackupRetentionDays,
            BackupWindow: "03:00-04:00",
            MaintenanceWindow: "sun:04:30-sun:05:30",
            DeletionProtection: production,
            SkipFinalSnapshot: !production,
            FinalSnapshotPrefix: names.Physical("postgres-final", 200),
            PerformanceInsights: production,
            StorageEncrypted: true,
            // Replicas rule out an RDS-managed password; one design for every size: the program's own secret, rotated.
            ManageMasterPassword: false,
            MasterPasswordSecretName: names.Physical("postgres-master"),
            PasswordRotationDays: 30,
            DatabaseName: "securecart",
            MasterUsername: "securecart_admin",
            Port: 5432,
            SubnetGroupName: names.Physical("postgres-subnets"),
            KmsKeyAlias: $"alias/{names.Physical("postgres")}",
            Protect: production,
            replicas);

        return new DataPlan(rds, Tables(stack, allStacks, names), Redis(stack, names), Clients: [], Standby: Standby(stack, allStacks, names));
    }

    /// <summary>
    /// The copy of the protected stack's primary that lives here: a cross-Region read replica of the same class (it becomes
    /// that region's writer when promoted) plus that primary's automated backups, replicated here for point-in-time restore.
    /// Production only: a preview's data is not worth a second region.
    /// </summary>
    private static RdsStandbyPlan? Standby(StackSettings stack, IReadOnlyList<StackSettings> allStacks, ResourceNames names)
    {
        // Both must be production: the source's data is what is worth protecting, and a preview stack hosts no production copy.
        if (stack.Profile != SizeProfile.Production || Recovery.RecoveryPartners.Protects(stack, allStacks) is not { } source || source.Profile != SizeProfile.Production)
        {
            return null;
        }

        var sourceNames = new ResourceNames(names.Project, source.StackName);
        return new RdsStandbyPlan(
            RdsStandbyPlan.StandbyLogicalName,
            names.Physical($"postgres-standby-{source.StackName}"),
            source.Rds.InstanceClass,
            source.StackName,
            source.Region,
            sourceNames.Physical("postgres"),
            source.Rds.BackupRetentionDays,
            $"alias/{names.Physical("postgres")}",
            // The replicated backups keep the source's own window, so a restore here reaches as far back as one there.
            source.Rds.BackupRetentionDays,
            source.Rds.StorageGb);
    }

    private static ImmutableArray<DynamoTablePlan> Tables(StackSettings stack, IReadOnlyList<StackSettings> allStacks, ResourceNames names)
    {
        var production = stack.Profile == SizeProfile.Production;
        var home = allStacks.SingleOrDefault(s => s.IsHome) ?? stack;
        var replicaRegions = allStacks.Where(s => !s.IsHome && s.StackName != home.StackName).Select(s => s.Region).Order(StringComparer.Ordinal).ToImmutableArray();
        var role = stack.IsHome ? GlobalTableRole.Owner : GlobalTableRole.Replica;
        DynamoTablePlan Table(TableDefinition definition, string logical, string hashKey, string? rangeKey, string? ttl) => new(
            logical,
            // One name in every region: the table is global, so the name carries the project, not the stack.
            $"{names.Project}-{logical}",
            hashKey,
            rangeKey,
            [.. new[] { hashKey, rangeKey }.OfType<string>().Select(k => new TableAttributePlan(k, "S"))],
            ttl,
            // Planned from the home stack in every stack: a global table has one capacity mode.
            TableCapacityPlanner.Plan(definition, home),
            "NEW_AND_OLD_IMAGES",
            PointInTimeRecovery: true,
            DeletionProtection: production,
            KmsKeyAlias: $"alias/{names.Project}-dynamodb",
            home.Region,
            replicaRegions,
            role,
            Protect: production);
        return [.. TableDefinition.All.Select(t => Table(t, t.LogicalName, t.HashKey, t.RangeKey, t.TimeToLiveAttribute))];
    }

    private static RedisPlan Redis(StackSettings stack, ResourceNames names)
    {
        var replicas = stack.Redis.ReplicasPerShard;
        return new RedisPlan(
            // ElastiCache replication group ids are at most 40 characters.
            names.Physical("redis", 40),
            "redis",
            "7.1",
            stack.Redis.NodeType,
            stack.Redis.Shards,
            replicas,
            ClusterMode: true,
            ParameterGroup: "default.redis7.cluster.on",
            TransitEncryption: true,
            AtRestEncryption: true,
            AutomaticFailover: replicas > 0,
            MultiAz: replicas > 0,
            SnapshotRetentionDays: stack.Profile == SizeProfile.Production ? 7 : 0,
            SubnetGroupName: names.Physical("redis-subnets"),
            Port: 6379,
            AuthTokenSecretName: names.Physical("redis-auth"));
    }
}
