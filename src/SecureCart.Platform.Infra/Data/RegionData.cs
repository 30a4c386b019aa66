using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.DynamoDB;
using Pulumi.Aws.ElastiCache;
using Pulumi.Aws.Kms;
using Pulumi.Aws.Rds;
using SecureCart.Platform.Plan.Data;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Infra.Data;

/// <summary>
/// RDS PostgreSQL with its replicas, the DynamoDB global tables (home copy or this region's replica) and Redis.
/// <para>
/// Global tables use <c>dynamodb.TableReplica</c>, not the table's <c>replicas</c> list. With <c>replicas</c>
/// the home stack would own every region's copy, so adding a region would mean editing and redeploying the home
/// stack, and a replica created by one stack but listed by another is what deletes replicas and shows perpetual
/// diffs. With <c>TableReplica</c> each stack owns exactly its own region's copy (created, encrypted with its own
/// regional key, and removed with its stack), the home table ignores <c>replicas</c> so it never fights them, and
/// every stack has the same shape: one table resource per plan item, Owner or Replica.
/// </para>
/// </summary>
public sealed class RegionData : ComponentResource
{
    public RegionData(string name, RegionDataArgs args, ComponentResourceOptions? options = null)
        : base("securecart:platform:Data", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        InputMap<string> tags = Children.Tags(args.Tags, "data");
        Output<ImmutableArray<string>> isolated = args.Network.SubnetIds[SubnetTier.Isolated];
        Output<string> dataGroup = args.Network.SecurityGroupIds["data"];

        Postgres(args.Plan, isolated, dataGroup, args.Network, tags);
        TableArns = Tables(args, tags);
        Redis(args.Plan.Redis, isolated, dataGroup, tags);
        RegisterOutputs(new Dictionary<string, object?> { ["postgresEndpoint"] = PostgresEndpoint });
    }

    public Output<string> PostgresEndpoint { get; private set; } = null!;

    /// <summary>The services' writer and reader endpoints and their connect grants; null when the plan has no proxy.</summary>
    public DatabaseEndpoints? Database { get; private set; }

    public Output<string> PostgresIdentifier { get; private set; } = null!;

    public Output<string> RedisEndpoint { get; private set; } = null!;

    /// <summary>Table (home) or replica (other stacks) ARN per table logical name.</summary>
    public ImmutableDictionary<string, Output<string>> TableArns { get; }

    /// <summary>ARN of this region's key for its copy of the tables (<c>dynamodb-key</c>); null when the plan has no tables.</summary>
    public Output<string>? TableKeyArn { get; private set; }

    /// <summary>The AWS-published single-user rotation function for PostgreSQL (Serverless Application Repository).</summary>
    private const string RotationApplication = "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser";

    private void Postgres(DataPlan data, Output<ImmutableArray<string>> subnets, Output<string> securityGroup, Network.RegionNetwork network, InputMap<string> tags)
    {
        RdsPlan plan = data.Rds;
        var key = new Key("postgres-key", new KeyArgs { Description = $"{plan.Identifier} storage", EnableKeyRotation = true, Tags = tags }, Children.Stateful(this, plan.Protect));
        _ = new Pulumi.Aws.Kms.Alias("postgres-key-alias", new AliasArgs { Name = plan.KmsKeyAlias, TargetKeyId = key.KeyId }, Children.Of(this));
        var subnetGroup = new Pulumi.Aws.Rds.SubnetGroup("postgres-subnets", new Pulumi.Aws.Rds.SubnetGroupArgs { Name = plan.SubnetGroupName, SubnetIds = subnets, Tags = tags }, Children.Of(this));

        // The program keeps the master password (RDS cannot manage it for an instance with read replicas); the instance
        // takes the first value only, and the rotation function changes it afterwards.
        Output<string>? passwordValue = plan.ManageMasterPassword ? null : GeneratedSecret.NewValue();
        Pulumi.Aws.SecretsManager.Secret? masterSecret = null;
        var primary = new Instance("postgres", new InstanceArgs
        {
            Identifier = plan.Identifier,
            Engine = plan.Engine,
            EngineVersion = plan.EngineVersion,
            InstanceClass = plan.InstanceClass,
            StorageType = plan.StorageType,
            AllocatedStorage = plan.AllocatedStorageGb,
            MaxAllocatedStorage = plan.MaxAllocatedStorageGb,
            MultiAz = plan.MultiAz,
            BackupRetentionPeriod = plan.BackupRetentionDays,
            BackupWindow = plan.BackupWindow,
            MaintenanceWindow = plan.MaintenanceWindow,
            DeletionProtection = plan.DeletionProtection,
            SkipFinalSnapshot = plan.SkipFinalSnapshot,
            // The storage key is new with every instance, so each incarnation's final snapshot has its own name.
            FinalSnapshotIdentifier = key.KeyId.Apply(id => $"{plan.FinalSnapshotPrefix}-{id[..Math.Min(8, id.Length)]}"),
            PerformanceInsightsEnabled = plan.PerformanceInsights,
            StorageEncrypted = plan.StorageEncrypted,
            KmsKeyId = key.Arn,
            ManageMasterUserPassword = plan.ManageMasterPassword,
            Password = Children.Maybe(passwordValue),
            DbName = plan.DatabaseName,
            // Readers reach the replicas with IAM tokens as the reader user; the replicas inherit the setting.
            IamDatabaseAuthenticationEnabled = true,
            Username = plan.MasterUsername,
            Port = plan.Port,
            DbSubnetGroupName = subnetGroup.Name,
            VpcSecurityGroupIds = { securityGroup },
            PubliclyAccessible = false,
            CopyTagsToSnapshot = true,
            Tags = tags,
        }, new CustomResourceOptions { Parent = this, Protect = plan.Protect, RetainOnDelete = plan.Protect, IgnoreChanges = { "password" } }); // rotation owns it
        PostgresEndpoint = primary.Address;
        if (passwordValue is not null)
        {
            // The document the AWS rotation function reads and writes.
            GeneratedSecret.Generated password = GeneratedSecret.Create("postgres-master", plan.MasterPasswordSecretName, tags, this, passwordValue, value =>
                Output.Tuple(value, primary.Address).Apply(t => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal)
                {
                    ["engine"] = "postgres",
                    ["host"] = t.Item2,
                    ["port"] = plan.Port,
                    ["username"] = plan.MasterUsername,
                    ["password"] = t.Item1,
                    ["dbname"] = plan.DatabaseName,
                })));
            Rotation(plan, password.Secret, network, tags);
            masterSecret = password.Secret;
        }
        PostgresIdentifier = primary.Identifier;

        ImmutableArray<Instance>.Builder replicas = ImmutableArray.CreateBuilder<Instance>();
        foreach (RdsReplicaPlan replica in plan.Replicas)
        {
            replicas.Add(new Instance(replica.LogicalName, new InstanceArgs
            {
                Identifier = replica.Identifier,
                ReplicateSourceDb = primary.Identifier,
                InstanceClass = replica.InstanceClass,
                AvailabilityZone = network.ZoneNames[replica.AvailabilityZone],
                StorageEncrypted = plan.StorageEncrypted,
                KmsKeyId = key.Arn,
                PerformanceInsightsEnabled = plan.PerformanceInsights,
                VpcSecurityGroupIds = { securityGroup },
                PubliclyAccessible = false,
                SkipFinalSnapshot = true, // a replica's data is the primary's
                Tags = tags,
            }, Children.Stateful(this, plan.Protect)));
        }

        Instance? standby = data.Standby is { } standbyPlan ? PostgresStandby.Create(standbyPlan, plan, key, subnetGroup, securityGroup, tags, this) : null;
        StandbyEndpoint = standby?.Address;
        if (data.Proxy is { } proxy)
        {
            // The proxy logs in with the secret the program keeps; an RDS-managed secret would rule out the replicas anyway.
            Database = PostgresAccess.Create(plan, proxy, primary, replicas.ToImmutable(), standby,
                masterSecret ?? throw new InvalidOperationException("RDS Proxy needs the program's master secret; the plan lets RDS manage the password."), network, tags, this);
        }
    }

    /// <summary>The standby this stack hosts for its partner's primary; null without one.</summary>
    public Output<string>? StandbyEndpoint { get; private set; }

    // The rotation function runs in the functions tier (which reaches the interface endpoints) and its own
    // data-client group (which the data tier admits on 5432); it reaches Secrets Manager through the endpoint or NAT.
    private void Rotation(RdsPlan plan, Pulumi.Aws.SecretsManager.Secret secret, Network.RegionNetwork network, InputMap<string> tags)
    {
        var rotator = new Pulumi.Aws.ServerlessRepository.CloudFormationStack("postgres-rotation", new Pulumi.Aws.ServerlessRepository.CloudFormationStackArgs
        {
            Name = $"{plan.Identifier}-rotation",
            ApplicationId = RotationApplication,
            Capabilities = { "CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY" },
            Parameters =
            {
                { "functionName", $"{plan.Identifier}-rotation" },
                { "endpoint", Output.Format($"https://secretsmanager.{Pulumi.Aws.GetRegion.Invoke().Apply(r => r.Region)}.amazonaws.com") },
                { "vpcSubnetIds", network.SubnetIds[SubnetTier.Private].Apply(ids => string.Join(",", ids)) },
                { "vpcSecurityGroupIds", Output.Format($"{network.SecurityGroupIds[DataTier.Functions]},{network.SecurityGroupIds[DataTier.ClientTier(DataTier.RotationClient)]}") },
            },
            Tags = tags,
        }, Children.Of(this));
        _ = new Pulumi.Aws.SecretsManager.SecretRotation("postgres-master-rotation", new Pulumi.Aws.SecretsManager.SecretRotationArgs
        {
            SecretId = secret.Id,
            RotationLambdaArn = rotator.Outputs.Apply(o => o.TryGetValue("RotationLambdaARN", out string? arn) ? arn : ""),
            RotationRules = new Pulumi.Aws.SecretsManager.Inputs.SecretRotationRotationRulesArgs { AutomaticallyAfterDays = plan.PasswordRotationDays },
        }, Children.Of(this));
    }

    private ImmutableDictionary<string, Output<string>> Tables(RegionDataArgs args, InputMap<string> tags)
    {
        ImmutableArray<DynamoTablePlan> tables = args.Plan.Tables;
        if (tables.IsEmpty)
        {
            return ImmutableDictionary<string, Output<string>>.Empty;
        }

        // An encrypted replica needs a key in its own region: every stack has one for its copy of the tables.
        bool protect = tables.Any(t => t.Protect);
        var key = new Key("dynamodb-key", new KeyArgs { Description = "DynamoDB global tables, this region's copy", EnableKeyRotation = true, Tags = tags }, Children.Stateful(this, protect));
        _ = new Pulumi.Aws.Kms.Alias("dynamodb-key-alias", new AliasArgs { Name = tables[0].KmsKeyAlias, TargetKeyId = key.KeyId }, Children.Of(this));
        TableKeyArn = key.Arn;

        ImmutableDictionary<string, Output<string>>.Builder arns = ImmutableDictionary.CreateBuilder<string, Output<string>>(StringComparer.Ordinal);
        foreach (DynamoTablePlan table in tables)
        {
            arns[table.LogicalName] = table.Role == GlobalTableRole.Owner
                ? OwnerTable(table, key, tags)
                : ReplicaTable(table, key, args.HomeTableArns ?? throw new InvalidOperationException("A replica stack needs the home stack's table ARNs."), tags);
        }

        return arns.ToImmutable();
    }

    private Output<string> OwnerTable(DynamoTablePlan table, Key key, InputMap<string> tags)
    {
        var resource = new Table(table.LogicalName, new TableArgs
        {
            Name = table.Name,
            BillingMode = table.Capacity.BillingMode,
            // Provisioned tables start at the scaling minimum; auto scaling owns the figure afterwards.
            ReadCapacity = table.Capacity.Provisioned is { } minRead ? minRead.MinReadUnits : null,
            WriteCapacity = table.Capacity.Provisioned is { } minWrite ? minWrite.MinWriteUnits : null,
            WarmThroughput = table.Capacity.WarmThroughput is { } warm
                ? (Input<Pulumi.Aws.DynamoDB.Inputs.TableWarmThroughputArgs>)new Pulumi.Aws.DynamoDB.Inputs.TableWarmThroughputArgs { ReadUnitsPerSecond = warm.ReadUnitsPerSecond, WriteUnitsPerSecond = warm.WriteUnitsPerSecond }
                : null,
            HashKey = table.HashKey,
            RangeKey = Children.Maybe(table.RangeKey),
            Attributes = table.Attributes.Select(a => new Pulumi.Aws.DynamoDB.Inputs.TableAttributeArgs { Name = a.Name, Type = a.Type }).ToList(),
            Ttl = table.TimeToLiveAttribute is null ? null : (Input<Pulumi.Aws.DynamoDB.Inputs.TableTtlArgs>)new Pulumi.Aws.DynamoDB.Inputs.TableTtlArgs { AttributeName = table.TimeToLiveAttribute, Enabled = true },
            StreamEnabled = true, // global tables replicate through the stream
            StreamViewType = table.StreamViewType,
            PointInTimeRecovery = new Pulumi.Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = table.PointInTimeRecovery },
            ServerSideEncryption = new Pulumi.Aws.DynamoDB.Inputs.TableServerSideEncryptionArgs { Enabled = true, KmsKeyArn = key.Arn },
            DeletionProtectionEnabled = table.DeletionProtection,
            Tags = tags,
        }, new CustomResourceOptions
        {
            Parent = this,
            Protect = table.Protect,
            RetainOnDelete = table.Protect,
            // The other stacks' TableReplica resources own the replicas; auto scaling owns provisioned capacity.
            IgnoreChanges = table.Capacity.Provisioned is null ? ["replicas"] : ["replicas", "readCapacity", "writeCapacity"],
        });
        TableScaling.Register(this, table, table.Name, resource);
        return resource.Arn;
    }

    private Output<string> ReplicaTable(DynamoTablePlan table, Key key, Output<ImmutableDictionary<string, object>> homeArns, InputMap<string> tags)
    {
        var replica = new TableReplica(table.LogicalName, new TableReplicaArgs
        {
            GlobalTableArn = homeArns.Apply(arns => (string)arns[table.LogicalName]),
            KmsKeyArn = key.Arn,
            PointInTimeRecovery = table.PointInTimeRecovery,
            DeletionProtectionEnabled = table.DeletionProtection,
            Tags = tags,
        }, Children.Stateful(this, table.Protect));
        TableScaling.Register(this, table, table.Name, replica);
        return replica.Arn;
    }

    private void Redis(RedisPlan plan, Output<ImmutableArray<string>> subnets, Output<string> securityGroup, InputMap<string> tags)
    {
        var subnetGroup = new Pulumi.Aws.ElastiCache.SubnetGroup("redis-subnets", new Pulumi.Aws.ElastiCache.SubnetGroupArgs
        {
            Name = plan.SubnetGroupName,
            SubnetIds = subnets,
            Tags = tags,
        }, Children.Of(this));
        GeneratedSecret.Generated auth = GeneratedSecret.Create("redis-auth", plan.AuthTokenSecretName, tags, this);
        var group = new ReplicationGroup("redis", new ReplicationGroupArgs
        {
            ReplicationGroupId = plan.ReplicationGroupId,
            Description = "SecureCart cache and session cache",
            Engine = plan.Engine,
            EngineVersion = plan.EngineVersion,
            NodeType = plan.NodeType,
            NumNodeGroups = plan.Shards,
            ReplicasPerNodeGroup = plan.ReplicasPerShard,
            ClusterMode = plan.ClusterMode ? "enabled" : "disabled",
            ParameterGroupName = plan.ParameterGroup,
            TransitEncryptionEnabled = plan.TransitEncryption,
            AuthToken = auth.Value, // AUTH needs in-transit encryption, which the plan keeps on
            AuthTokenUpdateStrategy = "ROTATE",
            AtRestEncryptionEnabled = plan.AtRestEncryption,
            AutomaticFailoverEnabled = plan.AutomaticFailover,
            MultiAzEnabled = plan.MultiAz,
            SnapshotRetentionLimit = plan.SnapshotRetentionDays,
            SubnetGroupName = subnetGroup.Name,
            SecurityGroupIds = { securityGroup },
            Port = plan.Port,
            Tags = tags,
        }, Children.Of(this));
        RedisEndpoint = group.ConfigurationEndpointAddress;
    }
}
