using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.AppAutoScaling;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Ecs;
using Pulumi.Aws.Iam;
using Pulumi.Aws.SecretsManager;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Infra.Compute;

/// <summary>
/// The ECS cluster with FARGATE, FARGATE_SPOT and the EC2 worker capacity provider, and per service: task
/// definition (service + X-Ray daemon), least-privilege roles, the ECS service and its Application Auto Scaling.
/// </summary>
public sealed class RegionCompute : ComponentResource
{
    public RegionCompute(string name, RegionComputeArgs args, ComponentResourceOptions? options = null)
        : base("securecart:platform:Compute", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        ComputePlan plan = args.Plan;
        InputMap<string> tags = Children.Tags(args.Tags, "compute");
        Output<ImmutableArray<string>> privateSubnets = args.Network.SubnetIds[SubnetTier.Private];
        Output<string> servicesGroup = args.Network.SecurityGroupIds["services"];

        var ns = new Pulumi.Aws.ServiceDiscovery.HttpNamespace("service-connect", new Pulumi.Aws.ServiceDiscovery.HttpNamespaceArgs { Name = plan.ServiceConnectNamespace, Tags = tags }, Children.Of(this));
        var cluster = new Cluster("cluster", new ClusterArgs
        {
            Name = plan.ClusterName,
            Settings = { new Pulumi.Aws.Ecs.Inputs.ClusterSettingArgs { Name = "containerInsights", Value = plan.ContainerInsights ? "enabled" : "disabled" } },
            ServiceConnectDefaults = new Pulumi.Aws.Ecs.Inputs.ClusterServiceConnectDefaultsArgs { Namespace = ns.Arn },
            Tags = tags,
        }, Children.Of(this));
        ClusterName = cluster.Name;
        ClusterArn = cluster.Arn;

        var providers = new List<Input<string>> { ComputePlanner.Fargate, ComputePlanner.FargateSpot };
        CapacityProvider? workers = null;
        if (plan.Workers is { } workerPlan)
        {
            workers = WorkerCapacity.Create(workerPlan, plan.ClusterName, privateSubnets, servicesGroup, tags, this);
            providers.Add(workers.Name);
        }

        var clusterProviders = new ClusterCapacityProviders("cluster-capacity-providers", new ClusterCapacityProvidersArgs
        {
            ClusterName = cluster.Name,
            CapacityProviders = providers,
            DefaultCapacityProviderStrategies =
            {
                new Pulumi.Aws.Ecs.Inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs { CapacityProvider = ComputePlanner.Fargate, Weight = 1 },
            },
        }, Children.Of(this));

        var executionRole = new Role("task-execution-role", new RoleArgs { AssumeRolePolicy = Policies.AssumeRole("ecs-tasks.amazonaws.com"), Tags = tags }, Children.Of(this));
        _ = new RolePolicyAttachment("task-execution-managed", new RolePolicyAttachmentArgs
        {
            Role = executionRole.Name,
            PolicyArn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        }, Children.Of(this));
        TaskExecutionRoleArn = executionRole.Arn;

        Output<string> account = GetCallerIdentity.Invoke().Apply(identity => identity.AccountId);
        var services = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        foreach (ServicePlan service in plan.Services)
        {
            services[service.LogicalName] = Service(service, args, cluster, clusterProviders, executionRole, account, privateSubnets, tags);
        }

        ServiceNames = services.ToImmutableDictionary(StringComparer.Ordinal);
        RegisterOutputs(new Dictionary<string, object?> { ["clusterName"] = ClusterName });
    }

    public Output<string> ClusterName { get; }

    public Output<string> ClusterArn { get; }

    public Output<string> TaskExecutionRoleArn { get; }

    /// <summary>Deployed ECS service name per logical name.</summary>
    public ImmutableDictionary<string, Output<string>> ServiceNames { get; }

    private Output<string> Service(
        ServicePlan service, RegionComputeArgs args, Cluster cluster, ClusterCapacityProviders clusterProviders, Role executionRole,
        Output<string> account, Output<ImmutableArray<string>> subnets, InputMap<string> tags)
    {
        string id = service.LogicalName;
        bool onWorkers = args.Plan.Workers is { } w && service.CapacityProviders.Any(c => c.Provider == w.CapacityProviderName);
        var logGroup = new LogGroup($"{id}-logs", new LogGroupArgs { Name = $"/ecs/{service.Name}", RetentionInDays = args.LogRetentionDays, Tags = tags }, Children.Of(this));

        var secretArns = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        var secretVersions = new List<Output<string>>();
        foreach (string key in service.SecretNames)
        {
            var secret = new Secret($"{id}-secret-{key}", new SecretArgs { Name = $"{service.Name}/{key}", Tags = tags }, Children.Of(this));
            var version = new SecretVersion($"{id}-secret-{key}-value", new SecretVersionArgs { SecretId = secret.Id, SecretString = args.Secrets[key] }, Children.Of(this));
            secretArns[key] = secret.Arn;
            secretVersions.Add(version.Id);
        }

        if (secretArns.Count > 0)
        {
            _ = new RolePolicy($"{id}-execution-secrets", new RolePolicyArgs
            {
                Role = executionRole.Name,
                Policy = Policies.Allow((["secretsmanager:GetSecretValue"], [.. secretArns.Values.Select(v => (Input<string>)v)])),
            }, Children.Of(this));
        }

        // Least privilege: the task may send traces, and use exactly the resources the plan grants it.
        var taskRole = new Role($"{id}-task-role", new RoleArgs { AssumeRolePolicy = Policies.AssumeRole("ecs-tasks.amazonaws.com"), Tags = tags }, Children.Of(this));
        _ = new RolePolicy($"{id}-task-tracing", new RolePolicyArgs
        {
            Role = taskRole.Name,
            Policy = Policies.Allow((["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"], ["*"])),
        }, Children.Of(this));
        if (service.Access.Any(a => !a.IsNetwork))
        {
            _ = new RolePolicy($"{id}-task-access", new RolePolicyArgs
            {
                Role = taskRole.Name,
                Policy = TaskAccess.Policy(service.Access, args.Access),
            }, Children.Of(this));
        }

        if (args.Database is { } db && !args.DatabaseClients.IsDefaultOrEmpty && args.DatabaseClients.Any(c => c.Service == service.LogicalName))
        {
            // IAM tokens to the proxy (writer) and the replicas (reader user): the task holds no database password.
            _ = new RolePolicy($"{id}-task-database", new RolePolicyArgs
            {
                Role = taskRole.Name,
                Policy = db.ConnectResources.Apply(resources => Policies.Allow((["rds-db:connect"], [.. resources.Select(r => (Input<string>)r)]))),
            }, Children.Of(this));
        }

        Output<string> image = account.Apply(a =>
            $"{a}.dkr.ecr.{args.Region}.amazonaws.com/{ArtifactLocations.ImageRepository(service.LogicalName)}:{ArtifactLocations.ReleaseTag}");
        // ECS reads secrets when a task starts: naming the secrets' versions in the task definition makes a rotated
        // key (a new version) a new revision, which rolls every task onto it.
        Output<ImmutableArray<KeyValuePair<string, string>>> database = DatabaseEnvironment.For(service.LogicalName, args.Database, args.DatabaseClients);
        Output<string> containers = Output.Tuple(image, logGroup.Name, Output.All(secretArns.Values), Output.All(secretVersions), database).Apply(t =>
            TaskContainers.Json(service, t.Item1, args.Plan, t.Item2, args.Region,
                secretArns.Keys.Zip(t.Item3).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal), t.Item4, t.Item5));
        TaskDefinition task = TaskDefinitions.Create(
            id, service.Name, service.Cpu, service.MemoryMb, service.RuntimeArchitecture, onWorkers ? "EC2" : "FARGATE", executionRole.Arn, taskRole.Arn, containers, tags, this);

        var loadBalancers = new InputList<Pulumi.Aws.Ecs.Inputs.ServiceLoadBalancerArgs>();
        if (service.OnAlb)
        {
            loadBalancers.Add(new Pulumi.Aws.Ecs.Inputs.ServiceLoadBalancerArgs
            {
                TargetGroupArn = args.Ingress.TargetGroupArns[id],
                ContainerName = id,
                ContainerPort = service.Port,
            });
        }

        var connect = new Pulumi.Aws.Ecs.Inputs.ServiceServiceConnectConfigurationArgs { Enabled = true };
        if (service.Kind != ServiceKind.Worker)
        {
            connect.Services.Add(new Pulumi.Aws.Ecs.Inputs.ServiceServiceConnectConfigurationServiceArgs
            {
                PortName = "http",
                DiscoveryName = id,
                ClientAlias = { new Pulumi.Aws.Ecs.Inputs.ServiceServiceConnectConfigurationServiceClientAliasArgs { DnsName = id, Port = service.Port } },
            });
        }

        var ecsService = new Service(id, new ServiceArgs
        {
            Name = service.Name,
            Cluster = cluster.Arn,
            TaskDefinition = task.Arn,
            DesiredCount = service.Scaling.Desired,
            CapacityProviderStrategies = service.CapacityProviders.Select(c => new Pulumi.Aws.Ecs.Inputs.ServiceCapacityProviderStrategyArgs
            {
                CapacityProvider = c.Provider,
                Base = c.Base,
                Weight = c.Weight,
            }).ToList(),
            NetworkConfiguration = new Pulumi.Aws.Ecs.Inputs.ServiceNetworkConfigurationArgs { Subnets = subnets, SecurityGroups = SecurityGroups(service.SecurityTiers, args.Network), AssignPublicIp = false },
            LoadBalancers = loadBalancers,
            HealthCheckGracePeriodSeconds = service.HealthCheckGracePeriodSeconds is int grace ? grace : null,
            DeploymentCircuitBreaker = new Pulumi.Aws.Ecs.Inputs.ServiceDeploymentCircuitBreakerArgs { Enable = true, Rollback = true },
            ServiceConnectConfiguration = connect,
            PropagateTags = "SERVICE",
            EnableEcsManagedTags = true,
            Tags = tags,
        }, new CustomResourceOptions
        {
            Parent = this,
            DependsOn = { clusterProviders },
            // Application Auto Scaling owns the task count after the first deployment: without this every
            // `pulumi up` would reset a scaled-out service to its initial count in the middle of a sale.
            IgnoreChanges = { "desiredCount" },
        });

        Scaling(service, args, ecsService);
        return ecsService.Name;
    }

    private void Scaling(ServicePlan service, RegionComputeArgs args, Service ecsService)
    {
        string id = service.LogicalName;
        var target = new Target($"{id}-scaling", new TargetArgs
        {
            ServiceNamespace = "ecs",
            ScalableDimension = "ecs:service:DesiredCount",
            ResourceId = Output.Format($"service/{args.Plan.ClusterName}/{ecsService.Name}"),
            MinCapacity = service.Scaling.Min,
            MaxCapacity = service.Scaling.Max,
        }, Children.Of(this));

        foreach (TargetTrackingPlan tracking in service.Scaling.TargetTracking)
        {
            Output<string>? label = tracking.PredefinedMetric == "ALBRequestCountPerTarget"
                ? Output.Format($"{args.Ingress.LoadBalancerArnSuffix}/{args.Ingress.TargetGroupArnSuffixes[id]}")
                : null;
            _ = new Pulumi.Aws.AppAutoScaling.Policy($"{id}-scaling-{tracking.Name}", new Pulumi.Aws.AppAutoScaling.PolicyArgs
            {
                PolicyType = "TargetTrackingScaling",
                ServiceNamespace = target.ServiceNamespace,
                ScalableDimension = target.ScalableDimension,
                ResourceId = target.ResourceId,
                TargetTrackingScalingPolicyConfiguration = new Pulumi.Aws.AppAutoScaling.Inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs
                {
                    TargetValue = tracking.TargetValue,
                    ScaleOutCooldown = tracking.ScaleOutCooldownSeconds,
                    ScaleInCooldown = tracking.ScaleInCooldownSeconds,
                    PredefinedMetricSpecification = Children.Maybe(tracking.PredefinedMetric == TargetTrackingPlan.BacklogPerTask
                        ? null
                        : new Pulumi.Aws.AppAutoScaling.Inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs
                        {
                            PredefinedMetricType = tracking.PredefinedMetric,
                            ResourceLabel = Children.Maybe(label),
                        }),
                    CustomizedMetricSpecification = Children.Maybe(tracking.PredefinedMetric == TargetTrackingPlan.BacklogPerTask
                        ? BacklogPerTask(tracking.BacklogQueueName!, args.Plan.ClusterName, ecsService.Name)
                        : null),
                },
            }, Children.Of(this));
        }

        foreach (ScheduledScalingPlan scheduled in service.Scaling.Scheduled)
        {
            _ = new ScheduledAction($"{id}-scaling-{scheduled.Name}", new ScheduledActionArgs
            {
                ServiceNamespace = target.ServiceNamespace,
                ScalableDimension = target.ScalableDimension,
                ResourceId = target.ResourceId,
                Schedule = scheduled.Schedule,
                ScalableTargetAction = new Pulumi.Aws.AppAutoScaling.Inputs.ScheduledActionScalableTargetActionArgs
                {
                    MinCapacity = scheduled.MinCapacity,
                    MaxCapacity = scheduled.MaxCapacity,
                },
            }, Children.Of(this));
        }
    }

    // Visible messages over running tasks, the metric math AWS gives for scaling an ECS service on an SQS backlog
    // (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html).
    private static Pulumi.Aws.AppAutoScaling.Inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs BacklogPerTask(
        string queueName, string clusterName, Output<string> serviceName)
    {
        static Pulumi.Aws.AppAutoScaling.Inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs Metric(
            string id, string ns, string name, string stat, params (string Name, Input<string> Value)[] dimensions) =>
            new Pulumi.Aws.AppAutoScaling.Inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs
            {
                Id = id,
                ReturnData = false,
                MetricStat = new Pulumi.Aws.AppAutoScaling.Inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatArgs
                {
                    Stat = stat,
                    Metric = new Pulumi.Aws.AppAutoScaling.Inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricArgs
                    {
                        Namespace = ns,
                        MetricName = name,
                        Dimensions = [.. dimensions.Select(d => new Pulumi.Aws.AppAutoScaling.Inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs { Name = d.Name, Value = d.Value })],
                    },
                },
            };

        return new Pulumi.Aws.AppAutoScaling.Inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs
        {
            Metrics =
            {
                Metric("messages", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Sum", ("QueueName", queueName)),
                Metric("tasks", "ECS/ContainerInsights", "RunningTaskCount", "Average", ("ClusterName", clusterName), ("ServiceName", serviceName)),
                new Pulumi.Aws.AppAutoScaling.Inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs
                {
                    Id = "backlog",
                    Expression = "messages / tasks",
                    Label = "Visible messages per running task",
                    ReturnData = true,
                },
            },
        };
    }

    /// <summary>The deployed groups of the plan's tiers (the services tier, and a data-client group where the plan grants a store).</summary>
    internal static InputList<string> SecurityGroups(IEnumerable<string> tiers, Network.RegionNetwork network) =>
        [.. tiers.Select(t => network.SecurityGroupIds.TryGetValue(t, out Output<string>? id)
            ? id
            : throw new InvalidOperationException($"The plan puts a task or function in security tier '{t}', which the network plan does not create."))];
}
