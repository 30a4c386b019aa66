using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.DynamoDB;
using Pulumi.Aws.Ecs;
using Pulumi.Aws.Iam;
using Pulumi.Aws.LB;
using Pulumi.Aws.Sqs;
using SecureCart.Platform.Infra.Compute;
using SecureCart.Platform.Infra.Messaging;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Previews;

namespace SecureCart.Platform.Infra.Previews;

/// <summary>
/// One preview environment: creates only what a preview owns (one Fargate Spot task per service, target groups and
/// host rules on the base stack's ALB, the plan's queue pairs, on-demand tables) and reads everything slow to create
/// (VPC, cluster, ALB, roles) from the base stack. Its tasks are built by the same code as a regional stack's
/// (<see cref="TaskDefinitions"/>, <see cref="QueuePair"/>). The preview service's inline program is
/// <c>PulumiFn.Create(() =&gt; PreviewEnvironment.Run(plan, listeners))</c>.
/// </summary>
public sealed class PreviewEnvironment : ComponentResource
{
    /// <param name="listeners">The environment's rule priorities on the shared listener (<see cref="ListenerPriorities"/>).</param>
    /// <param name="database">
    /// The password of the preview's own database role (the service creates role and database before `up`); null
    /// when the service provisions none, and then no task gets database credentials.
    /// </param>
    public PreviewEnvironment(string name, PreviewEnvironmentPlan plan, ListenerAssignment listeners, PreviewDatabaseCredentials? database = null, ComponentResourceOptions? options = null)
        : base("securecart:platform:PreviewEnvironment", name, options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(listeners);
        StackReference baseStack = new StackReference("base", new StackReferenceArgs
        {
            Name = $"{Deployment.Instance.OrganizationName}/{StackSettingsSchema.ProjectName}/{plan.Base.StackName}",
        }, new CustomResourceOptions { Parent = this });
        Output<string> Base(string output) => baseStack.RequireOutput(output).Apply(v => (string)v);
        Output<ImmutableArray<string>> subnets = baseStack.RequireOutput("privateSubnetIds").Apply(v => ((IEnumerable<object>)v).Select(o => (string)o).ToImmutableArray());
        InputMap<string> tags = Children.Tags(plan.Tags, "preview");
        Output<string> account = GetCallerIdentity.Invoke().Apply(identity => identity.AccountId);

        // Queues and tables first: each task role is granted exactly the plan's actions on these ARNs.
        Dictionary<string, Queue> queues = plan.Queues.ToDictionary(q => q.LogicalName, q => QueuePair.Create(q, tags, this), StringComparer.Ordinal);
        Dictionary<string, Table> tables = plan.Tables.ToDictionary(t => t.LogicalName, t => CreateTable(t, tags), StringComparer.Ordinal);
        PreviewDatabaseSecret? secret = database is null ? null : PreviewDatabaseSecret.Create(plan.Database, database, Base("postgresEndpoint"), tags, this);
        AccessTargets targets = new AccessTargets(
            tables.ToImmutableDictionary(t => t.Key, t => t.Value.Arn, StringComparer.Ordinal),
            null,
            queues.ToImmutableDictionary(q => q.Key, q => q.Value.Arn, StringComparer.Ordinal),
            ImmutableDictionary<string, Output<string>>.Empty,
            ImmutableDictionary<string, Output<string>>.Empty,
            ImmutableDictionary<string, Output<string>>.Empty,
            secret is null ? null : ImmutableDictionary<string, Output<string>>.Empty.Add(DatabaseSecretGrant, secret.SecretArn),
            // A preview's on-demand tables use DynamoDB's own key: no key grant needed.
            TablesUseAwsOwnedKey: true);

        Dictionary<string, Output<string>> services = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        foreach (PreviewServicePlan service in plan.Services)
        {
            services[service.LogicalName] = Service(plan, service, listeners, Base, subnets, account, tags, targets, secret);
        }

        Dictionary<string, Output<string>> queueUrls = queues.ToDictionary(q => plan.Queues.Single(p => p.LogicalName == q.Key).Name, q => q.Value.Url, StringComparer.Ordinal);
        Dictionary<string, Output<string>> tableNames = tables.ToDictionary(t => t.Key, t => t.Value.Name, StringComparer.Ordinal);

        Url = Output.Create($"https://{plan.HostName}");
        ServiceNames = Output.All(services.Values).Apply(names => services.Keys.Zip(names).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        QueueUrls = Output.All(queueUrls.Values).Apply(urls => queueUrls.Keys.Zip(urls).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        TableNames = Output.All(tableNames.Values).Apply(names => tableNames.Keys.Zip(names).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        RegisterOutputs(new Dictionary<string, object?> { ["url"] = Url });
    }

    /// <summary>The logical name a service's grant on the database secret uses.</summary>
    public const string DatabaseSecretGrant = "database";

    /// <summary>The stack configuration key (secret) the preview service sets the database role's password under.</summary>
    public const string DatabasePasswordConfigKey = "databasePassword";

    public Output<string> Url { get; }

    public Output<ImmutableDictionary<string, string>> ServiceNames { get; }

    /// <summary>Queue URL by queue name (the main queues; their dead-letter queues are the plan's).</summary>
    public Output<ImmutableDictionary<string, string>> QueueUrls { get; }

    public Output<ImmutableDictionary<string, string>> TableNames { get; }

    /// <summary>
    /// The inline program: the component, and its outputs as the preview stack's outputs. The database password
    /// comes from the stack's secret configuration, where the preview service put it before `up`.
    /// </summary>
    public static IDictionary<string, object?> Run(PreviewEnvironmentPlan plan, ListenerAssignment listeners) =>
        Run(plan, listeners, new Config().GetSecret(DatabasePasswordConfigKey) is { } password ? new PreviewDatabaseCredentials(password) : null);

    /// <summary>The program with the database credentials given (a test's, or the configuration's).</summary>
    public static IDictionary<string, object?> Run(PreviewEnvironmentPlan plan, ListenerAssignment listeners, PreviewDatabaseCredentials? database)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(listeners);
        var environment = new PreviewEnvironment("preview", plan, listeners, database);
        return new Dictionary<string, object?>
        {
            ["url"] = $"https://{plan.HostName}",
            // The engine reads it back so every later update keeps the same priorities.
            ["listenerSlot"] = listeners.Slot,
            ["services"] = environment.ServiceNames,
            ["queues"] = environment.QueueUrls,
            ["tables"] = environment.TableNames,
        };
    }

    /// <summary>Production's key schema under the preview's name; keys are strings, as in production.</summary>
    private Table CreateTable(PreviewTablePlan table, InputMap<string> tags)
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
        }, Children.Of(this));
        return created;
    }

    private Output<string> Service(
        PreviewEnvironmentPlan plan, PreviewServicePlan service, ListenerAssignment listeners, Func<string, Output<string>> fromBase, Output<ImmutableArray<string>> subnets, Output<string> account, InputMap<string> tags,
        AccessTargets targets, PreviewDatabaseSecret? database)
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
            }, Children.Of(this));
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
            }, Children.Of(this));
            loadBalancers.Add(new Pulumi.Aws.Ecs.Inputs.ServiceLoadBalancerArgs { TargetGroupArn = group.Arn, ContainerName = id, ContainerPort = service.Port });
        }

        LogGroup logs = new LogGroup($"{id}-logs", new LogGroupArgs { Name = $"/ecs/{service.Name}", RetentionInDays = plan.LogRetentionDays, Tags = tags }, Children.Of(this));
        bool withDatabase = database is not null && service.UsesDatabase;
        Output<string> containers = Output.Tuple(account, logs.Name, database?.SecretArn ?? Output.Create(""), database?.Host ?? Output.Create("")).Apply(t =>
        {
            JsonObject container = new JsonObject
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
            };
            if (withDatabase)
            {
                // libpq's variable names, which most PostgreSQL clients read; the password is resolved by ECS from
                // the secret's JSON key at task start and never appears in the task definition.
                container["environment"] = new JsonArray(
                    Variable("PGHOST", t.Item4), Variable("PGPORT", plan.Database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    Variable("PGDATABASE", plan.Database.Name), Variable("PGUSER", plan.Database.Name));
                container["secrets"] = new JsonArray(new JsonObject { ["name"] = "PGPASSWORD", ["valueFrom"] = $"{t.Item3}:password::" });
            }

            return new JsonArray(container).ToJsonString();
        });
        Output<string> taskRole = TaskRole(service, targets, withDatabase, tags);
        TaskDefinition task = TaskDefinitions.Create(
            id, service.Name, service.Cpu, service.MemoryMb, service.RuntimeArchitecture, "FARGATE", database?.ExecutionRoleArn ?? fromBase("taskExecutionRoleArn"), taskRole, containers, tags, this);
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
        }, Children.Of(this));
        return ecs.Name;
    }

    /// <summary>
    /// The service's own task role: exactly the plan's actions on this preview's queues and tables, and reading
    /// the database secret when it uses the database. No grant reaches another preview's or production's resources.
    /// </summary>
    private Output<string> TaskRole(PreviewServicePlan service, AccessTargets targets, bool withDatabase, InputMap<string> tags)
    {
        string id = service.LogicalName;
        Role role = new Role($"{id}-task-role", new RoleArgs { AssumeRolePolicy = Policies.AssumeRole("ecs-tasks.amazonaws.com"), Tags = tags }, Children.Of(this));
        ImmutableArray<ServiceAccess> grants = withDatabase ? service.Access.Add(new ServiceAccess(AccessKind.SecretRead, DatabaseSecretGrant)) : service.Access;
        if (grants.Any(g => !g.IsNetwork))
        {
            _ = new RolePolicy($"{id}-task-access", new RolePolicyArgs { Role = role.Name, Policy = TaskAccess.Policy(grants, targets) }, Children.Of(this));
        }

        return role.Arn;
    }

    private static JsonObject Variable(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
