using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Infra.Tests.Compute;

public sealed class RegionComputeTests
{
    // The IAM actions of each kind, as AccessKind documents them.
    private static readonly ImmutableDictionary<AccessKind, string[]> s_actions = new Dictionary<AccessKind, string[]>
    {
        [AccessKind.TableRead] = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem"],
        [AccessKind.TableReadWrite] = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"],
        [AccessKind.QueueSend] = ["sqs:SendMessage"],
        [AccessKind.QueueConsume] = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"],
        [AccessKind.TopicPublish] = ["sns:Publish"],
        [AccessKind.BusPublish] = ["events:PutEvents"],
        [AccessKind.StateMachineStart] = ["states:StartExecution"],
    }.ToImmutableDictionary();

    // The key actions of each table kind on the table's customer-managed key, as AccessKind documents them.
    private static readonly ImmutableDictionary<AccessKind, string[]> s_keyActions = new Dictionary<AccessKind, string[]>
    {
        [AccessKind.TableRead] = ["kms:Decrypt"],
        [AccessKind.TableReadWrite] = ["kms:Decrypt", "kms:GenerateDataKey"],
    }.ToImmutableDictionary();

    [Theory]
    [InlineData("prod-us", "aws:dynamodb/table:Table")]
    [InlineData("prod-eu", "aws:dynamodb/tableReplica:TableReplica")]
    public async Task Stack_TaskRoles_AccessPolicyNamesExactlyThePlannedResources(string stack, string tableType)
    {
        var plan = Plans.For(stack);
        // PostgreSQL and Redis grants are network rules, never IAM: a service with only those has no access policy.
        Assert.Contains(plan.Compute.Services, s => s.Access.All(g => g.IsNetwork));
        Assert.Contains(plan.Compute.Services, s => s.Access.Count(g => !g.IsNetwork) > 1);
        Assert.Contains(plan.Compute.Services, s => s.Access.Any(g => g.Kind == AccessKind.TableRead));
        Assert.Contains(plan.Compute.Services, s => s.Access.Any(g => g.Kind == AccessKind.TableReadWrite));

        var run = await StackRun.RunAsync(stack);

        // The key the grants name is the one this stack's copy of the tables is encrypted with (the regional key in a replica stack).
        var tableKey = "arn:aws:mock:::aws:kms/key:Key/dynamodb-key";
        Assert.All(run.OfType(tableType), t => Assert.Equal(tableKey, tableType == "aws:dynamodb/table:Table"
            ? ((IDictionary<string, object>)t.Inputs["serverSideEncryption"])["kmsKeyArn"]
            : t.Inputs["kmsKeyArn"]));

        foreach (var planned in plan.Compute.Services)
        {
            var service = planned with { Access = [.. planned.Access.Where(g => !g.IsNetwork)] };
            var id = service.LogicalName;
            var onRole = run.OfType("aws:iam/rolePolicy:RolePolicy").Where(p => (string)p.Inputs["role"] == $"{id}-task-role").Select(p => p.Name!);
            // PostgreSQL clients also get rds-db:connect (tested with the database endpoints).
            Assert.Equal(service.Access.IsEmpty ? [$"{id}-task-tracing"] : [$"{id}-task-access", $"{id}-task-tracing"], onRole.Where(n => n != $"{id}-task-database").Order(StringComparer.Ordinal));
            if (service.Access.IsEmpty)
            {
                continue;
            }

            var expected = service.Access.Select(g => Statement(s_actions[g.Kind], Resources(g, tableType)))
                .Concat(service.Access.Where(g => s_keyActions.ContainsKey(g.Kind)).Select(g => Statement(s_keyActions[g.Kind], [tableKey])));
            var policy = JsonNode.Parse((string)run.Single("aws:iam/rolePolicy:RolePolicy", $"{id}-task-access").Inputs["policy"])!;
            var actual = policy["Statement"]!.AsArray().Select(s =>
            {
                Assert.Equal("Allow", (string?)s!["Effect"]);
                return Statement(s["Action"]!.AsArray().Select(a => (string)a!), s["Resource"]!.AsArray().Select(r => (string)r!));
            });
            Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Stack_TargetGroups_NamedByThePlanNotByTheService()
    {
        // A longer stack name makes the services' names exceed the 32 characters a target group may have.
        const string Stack = "production-us-east";
        var root = Directory.CreateTempSubdirectory("securecart-infra-").FullName;
        File.Copy(Path.Combine(Repository.Root, "Pulumi.yaml"), Path.Combine(root, "Pulumi.yaml"));
        File.Copy(Path.Combine(Repository.Root, "Pulumi.prod-us.yaml"), Path.Combine(root, $"Pulumi.{Stack}.yaml"));
        var plan = StackPlan.Load(root, Stack).Plan;
        Assert.Contains(plan.Compute.Services, s => s.OnAlb && s.Name.Length > 32);

        var run = await StackRun.RunAsync(Stack, root);

        var groups = run.OfType("aws:lb/targetGroup:TargetGroup").ToDictionary(g => g.Name!, g => (string)g.Inputs["name"], StringComparer.Ordinal);
        var planned = plan.Compute.Services.Where(s => s.OnAlb).ToDictionary(s => $"{s.LogicalName}-tg", s => s.TargetGroupName, StringComparer.Ordinal);
        Assert.Equal(planned.OrderBy(p => p.Key, StringComparer.Ordinal), groups.OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.All(groups.Values, name => Assert.InRange(name.Length, 1, 32));
    }

    [Fact]
    public async Task Stack_HealthCheckGracePeriod_OnlyOnServicesBehindTheAlb()
    {
        var plan = Plans.For("prod-us");
        Assert.Contains(plan.Compute.Services, s => !s.OnAlb);

        var run = await StackRun.RunAsync("prod-us");

        var services = run.OfType("aws:ecs/service:Service").ToDictionary(s => s.Name!, s => s.Inputs, StringComparer.Ordinal);
        foreach (var service in plan.Compute.Services)
        {
            var inputs = services[service.LogicalName];
            var behindAlb = inputs.TryGetValue("loadBalancers", out var lbs) && ((IEnumerable<object>)lbs).Any();
            Assert.Equal(service.OnAlb, behindAlb);
            if (behindAlb)
            {
                Assert.NotNull(service.HealthCheckGracePeriodSeconds);
                Assert.Equal((double)service.HealthCheckGracePeriodSeconds.Value, Convert.ToDouble(inputs["healthCheckGracePeriodSeconds"], CultureInfo.InvariantCulture));
            }
            else
            {
                Assert.DoesNotContain("healthCheckGracePeriodSeconds", inputs.Keys);
            }
        }
    }

    [Fact]
    public async Task Stack_TracingSidecar_SizedByThePlan()
    {
        var compute = Plans.For("prod-us").Compute;

        var run = await StackRun.RunAsync("prod-us");

        Assert.All(compute.Services, service =>
        {
            var containers = JsonNode.Parse((string)run.Single("aws:ecs/taskDefinition:TaskDefinition", $"{service.LogicalName}-task").Inputs["containerDefinitions"])!.AsArray();
            var sidecar = Assert.Single(containers, c => (string?)c!["name"] == "xray-daemon")!;
            Assert.Equal(compute.TracingSidecar, (string?)sidecar["image"]);
            Assert.Equal(compute.TracingSidecarCpu, (int?)sidecar["cpu"]);
            Assert.Equal(compute.TracingSidecarMemoryMb, (int?)sidecar["memory"]);
        });
    }

    [Fact]
    public async Task Workers_BootTheEcsOptimizedAl2023Ami_WithItsOwnRootVolume_AsTheCostModelPricesIt()
    {
        var workers = Plans.For("prod-us").Compute.Workers!;

        var run = await StackRun.RunAsync("prod-us");

        var template = run.Single("aws:ec2/launchTemplate:LaunchTemplate", "workers-lt").Inputs;
        Assert.Equal($"resolve:ssm:{workers.AmiParameter}", template["imageId"]);
        Assert.Contains("/ecs/optimized-ami/amazon-linux-2023/", workers.AmiParameter, StringComparison.Ordinal);
        // No mapping of its own: the AMI's 30 GiB gp3 root volume is what CostModel.WorkerRootVolumeGb prices.
        Assert.False(template.ContainsKey("blockDeviceMappings"));
        Assert.Equal(30, SecureCart.Platform.Plan.Cost.CostModel.WorkerRootVolumeGb);
    }

    // The mock engine gives each resource the ARN arn:aws:mock:::<type>/<name>; a table in a replica stack is its TableReplica.
    private static IEnumerable<string> Resources(ServiceAccess grant, string tableType)
    {
        static string Arn(string type, string name) => $"arn:aws:mock:::{type}/{name}";
        return grant.Kind switch
        {
            AccessKind.TableRead or AccessKind.TableReadWrite => [Arn(tableType, grant.Resource), Arn(tableType, grant.Resource) + "/index/*"],
            AccessKind.QueueSend or AccessKind.QueueConsume => [Arn("aws:sqs/queue:Queue", grant.Resource)],
            AccessKind.TopicPublish => [Arn("aws:sns/topic:Topic", grant.Resource)],
            AccessKind.BusPublish => [Arn("aws:cloudwatch/eventBus:EventBus", grant.Resource)],
            AccessKind.StateMachineStart => [Arn("aws:sfn/stateMachine:StateMachine", grant.Resource)],
            _ => throw new ArgumentOutOfRangeException(nameof(grant), grant.Kind, "no expectation for this kind"),
        };
    }

    private static string Statement(IEnumerable<string> actions, IEnumerable<string> resources) =>
        $"{string.Join(",", actions.Order(StringComparer.Ordinal))} on {string.Join(",", resources.Order(StringComparer.Ordinal))}";
}
