using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.DynamoDB;
using Pulumi.Aws.Ecs;
using Pulumi.Aws.LB;
using Pulumi.Aws.Sqs;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Previews;

namespace SecureCart.Platform.Infra.Previews;

/// <summary>
/// The preview service's inline program: creates only what a preview owns (one Fargate Spot task per service,
/// target groups and host rules on the base stack's ALB, prefixed queues, on-demand tables) and reads everything slow to create
/// (VPC, cluster, ALB, roles) from the base stack. Called as <c>PulumiFn.Create(() =&gt; PreviewEnvironment.Run(plan, listeners))</c>.
/// </summary>
public static class PreviewEnvironment
{
    /// <param name="listeners">The environment's rule priorities on the shared listener (<see cref="ListenerPriorities"/>).</param>
    public static IDictionary<string, object?> Run(PreviewEnvironmentPlan plan, ListenerAssignment listeners)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(listeners);
        StackReference baseStack = new StackReference("base", new StackReferenceArgs
        {
            Name = $"{Deployment.Instance.OrganizationName}/{StackSettingsSchema.ProjectName}/{plan.Base.StackName}",
        });
        Output<string> Base(string output) => baseStack.RequireOutput(output).Apply(v => (string)v);
        Output<ImmutableArray<string>> subnets = baseStack.RequireOutput("privateSubnetIds").Apply(v => ((IEnumerable<object>)v).Select(o => (string)o).ToImmutableArray());
        InputMap<string> tags = Children.Tags(plan.Tags, "preview");
        Output<string> account = GetCallerIdentity.Invoke().Apply(identity => identity.AccountId);

        Dictionary<string, Output<string>> services = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        foreach (PreviewServicePlan service in plan.Services)
        {
            services[service.LogicalName] = Service(plan, service, listeners, Base, subnets, account, tags);
        }

        Dictionary<string, Output<string>> queues = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        foreach (string name in plan.QueueNames.Where(n => !n.EndsWith("-dlq", StringComparison.Ordinal)))
        {
            string deadLetter = $"{name}-dlq";
            Queue? dlq = plan.QueueNames.Contains(deadLetter)
                ? new Queue(deadLetter, new QueueArgs { Name = deadLetter, SqsManagedSseEnabled = true, Tags = tags })
                : null;
            Queue queue = new Queue(name, new QueueArgs
            {
                Name = name,
                SqsManagedSseEnabled = true,
                RedrivePolicy = Children.Maybe(dlq?.Arn.Apply(arn => new JsonObject { ["deadLetterTargetArn"] = arn, ["maxReceiveCount"] = 5 }.ToJsonString())),
                Tags = tags,
            });
            queues[name] = queue.Url;
        }

        Dictionary<string, Output<string>> tables = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        foreach (PreviewTablePlan table in plan.Tables)
        {
            tables[table.LogicalName] = CreateTable(table, tags);
        }

        return new Dictionary<string, object?>
        {
            ["url"] = $"https://{plan.HostName}",
            // The engine reads it back so every later update keeps the same priorities.
            ["listenerSlot"] = listeners.Slot,
            ["services"] = Output.All(services.Values).Apply(names => services.Keys.Zip(names).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)),
            ["queues"] = Output.All(queues.Values).Apply(urls => queues.Keys.Zip(urls).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)),
            ["tables"] = Output.All(tables.Values).Apply(names => tables.Keys.Zip(names).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)),
        };
    }

    /// <summary>Production's key schema under the preview's name; keys are strings, as in production.</summary>
    private static Output<string> CreateTable(PreviewTablePlan table, InputMap<string> tags)
    {
        InputList<Pulumi.Aws.DynamoDB.Inputs.TableAttributeArgs> attributes = new InputList<Pulumi.Aws.DynamoDB.Inputs.TableAttributeArgs>
        {
            new Pulumi.Aws.DynamoDB.Inputs.TableAttributeArgs { Name = table.HashKey, Type = "S" },
        };
        if (table.RangeKey is { } rangeKey)
        {
            attributes.Add(new Pulumi.Aws.DynamoDB.Inputs.TableAttributeArgs { Name = rangeKey, Type = "S" });
        }

        Table created = new Table(table.LogicalName, new TableArgs
        {
            Name = table.Name,
            BillingMode = "PAY_PER_REQUEST",
            HashKey = table.HashKey,
            RangeKey = Children.Maybe(table.RangeKey),
            Attributes = attributes,
            Ttl = table.TimeToLiveAttribute is null ? null : (Input<Pulumi.Aws.DynamoDB.Inputs.TableTtlArgs>)new Pulumi.Aws.DynamoDB.Inputs.TableTtlArgs { AttributeName = table.TimeToLiveAttribute, Enabled = true },
            Tags = tags,
        });
        return created.Name;
    }

    private static Output<string> Service(
        PreviewEnvironmentPlan plan, PreviewServicePlan service, ListenerAssignment listeners, Func<string, Output<string>> fromBase, Output<ImmutableArray<string>> subnets, Output<string> account, InputMap<string> tags)
    {
        string id = service.LogicalName;
        InputList<Pulumi.Aws.Ecs.Inputs.ServiceLoadBalancerArgs> loadBalancers = new InputList<Pulumi.Aws.Ecs.Inputs.ServiceLoadBalancerArgs>();
        if (service.PathPattern is { } path)
        {
            TargetGroup group = new TargetGroup($"{id}-tg", new TargetGroupArgs
            {
                Name = service.TargetGroupName,
                Port = service.Port,
                Protocol = "HTTP",
                TargetType = "ip",
                VpcId = fromBase("vpcId"),
                HealthCheck = new Pulumi.Aws.LB.Inputs.TargetGroupHealthCheckArgs { Path = service.HealthCheckPath, Matcher = "200" },
                Tags = tags,
            });
            if (!listeners.Priorities.TryGetValue(id, out int priority))
            {
                throw new ArgumentException($"no listener priority assigned to routed service {id}", nameof(listeners));
            }

            // An explicit priority: "next free" is read-then-create in the provider, and two creates read alike.
            _ = new ListenerRule($"{id}-rule", new ListenerRuleArgs
            {
                ListenerArn = fromBase("albHttpsListenerArn"),
                Priority = priority,
                Actions = { new Pulumi.Aws.LB.Inputs.ListenerRuleActionArgs { Type = "forward", TargetGroupArn = group.Arn } },
                Conditions =
                {
                    new Pulumi.Aws.LB.Inputs.ListenerRuleConditionArgs { HostHeader = new Pulumi.Aws.LB.Inputs.ListenerRuleConditionHostHeaderArgs { Values = { plan.HostName } } },
                    new Pulumi.Aws.LB.Inputs.ListenerRuleConditionArgs { PathPattern = new Pulumi.Aws.LB.Inputs.ListenerRuleConditionPathPatternArgs { Values = { path } } },
                },
                Tags = tags,
            });
            loadBalancers.Add(new Pulumi.Aws.Ecs.Inputs.ServiceLoadBalancerArgs { TargetGroupArn = group.Arn, ContainerName = id, ContainerPort = service.Port });
        }

        LogGroup logs = new LogGroup($"{id}-logs", new LogGroupArgs { Name = $"/ecs/{service.Name}", RetentionInDays = plan.LogRetentionDays, Tags = tags });
        Output<string> containers = Output.Tuple(account, logs.Name).Apply(t => new JsonArray(new JsonObject
        {
            ["name"] = id,
            ["image"] = $"{t.Item1}.dkr.ecr.{plan.Base.Region}.amazonaws.com/{ArtifactLocations.ImageRepository(id)}:{plan.ImageTag}",
            ["essential"] = true,
            ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = service.Port, ["protocol"] = "tcp" }),
            ["logConfiguration"] = new JsonObject
            {
                ["logDriver"] = "awslogs",
                ["options"] = new JsonObject { ["awslogs-group"] = t.Item2, ["awslogs-region"] = plan.Base.Region, ["awslogs-stream-prefix"] = id },
            },
        }).ToJsonString());
        TaskDefinition task = new TaskDefinition($"{id}-task", new TaskDefinitionArgs
        {
            Family = service.Name,
            Cpu = service.Cpu.ToString(CultureInfo.InvariantCulture),
            Memory = service.MemoryMb.ToString(CultureInfo.InvariantCulture),
            NetworkMode = "awsvpc",
            RequiresCompatibilities = { "FARGATE" },
            RuntimePlatform = new Pulumi.Aws.Ecs.Inputs.TaskDefinitionRuntimePlatformArgs { CpuArchitecture = service.RuntimeArchitecture, OperatingSystemFamily = "LINUX" },
            ExecutionRoleArn = fromBase("taskExecutionRoleArn"),
            ContainerDefinitions = containers,
            Tags = tags,
        });
        Service ecs = new Service(id, new ServiceArgs
        {
            Name = service.Name,
            Cluster = fromBase("clusterArn"),
            TaskDefinition = task.Arn,
            DesiredCount = service.DesiredCount,
            CapacityProviderStrategies = { new Pulumi.Aws.Ecs.Inputs.ServiceCapacityProviderStrategyArgs { CapacityProvider = service.CapacityProvider, Weight = 1 } },
            NetworkConfiguration = new Pulumi.Aws.Ecs.Inputs.ServiceNetworkConfigurationArgs { Subnets = subnets, SecurityGroups = { fromBase("servicesSecurityGroupId") } },
            LoadBalancers = loadBalancers,
            Tags = tags,
        });
        return ecs.Name;
    }
}
