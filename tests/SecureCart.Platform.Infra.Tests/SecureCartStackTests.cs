using System.Collections.Immutable;
using SecureCart.Platform.Plan.Data;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Infra.Tests;

public sealed class SecureCartStackTests
{
    [Theory]
    [InlineData("prod-us")]
    [InlineData("prod-eu")]
    public async Task Stack_Subnets_MatchThePlanBlocksAndZones(string stack)
    {
        var plan = Plans.For(stack);

        var run = await StackRun.RunAsync(stack);

        // Slot n is the account's n-th zone by name: here a, b, d of the offered d, b, f, a.
        var offered = StackRun.DefaultZones(plan.Region).Order(StringComparer.Ordinal).ToList();
        var subnets = run.OfType("aws:ec2/subnet:Subnet").ToDictionary(s => s.Name!, s => ((string)s.Inputs["cidrBlock"], (string)s.Inputs["availabilityZone"]));
        Assert.Equal(plan.Network.Subnets.ToDictionary(s => s.LogicalName, s => (s.Cidr, offered[ZoneSlot.Index(s.AvailabilityZone)])), subnets);
        Assert.Equal(plan.Network.Cidr, run.Single("aws:ec2/vpc:Vpc", "vpc").Inputs["cidrBlock"]);
        Assert.Equal(plan.Network.NatGatewayZones.Length, run.OfType("aws:ec2/natGateway:NatGateway").Count());
    }

    [Fact]
    public async Task Stack_Postgres_IsEncryptedMultiAzProtectedAndSizedByPlan()
    {
        var rds = Plans.For("prod-us").Data.Rds;

        var run = await StackRun.RunAsync("prod-us");

        var primary = run.Single("aws:rds/instance:Instance", "postgres").Inputs;
        Assert.Equal(rds.Identifier, primary["identifier"]);
        Assert.Equal(rds.InstanceClass, primary["instanceClass"]);
        Assert.Equal((double)rds.AllocatedStorageGb, Convert.ToDouble(primary["allocatedStorage"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((bool)primary["storageEncrypted"]);
        Assert.True((bool)primary["multiAz"]);
        Assert.True((bool)primary["deletionProtection"]);
        Assert.False((bool)primary["manageMasterUserPassword"]);
        Assert.Equal("generated0value", primary["password"]);
        Assert.False((bool)primary["skipFinalSnapshot"]);
        Assert.Equal($"{rds.FinalSnapshotPrefix}-1234abcd", primary["finalSnapshotIdentifier"]);
        Assert.Single(run.OfType("aws:secretsmanager/secretRotation:SecretRotation"));
        Assert.Contains("kmsKeyId", primary.Keys);
        var replicas = run.OfType("aws:rds/instance:Instance").Where(i => i.Name is not ("postgres" or "postgres-standby")).ToList();
        Assert.Equal(rds.Replicas.Select(r => r.Identifier).Order(StringComparer.Ordinal), replicas.Select(r => (string)r.Inputs["identifier"]).Order(StringComparer.Ordinal));
        Assert.All(replicas, r => Assert.Equal(rds.Identifier, r.Inputs["replicateSourceDb"]));
    }

    [Fact]
    public async Task HomeStack_GlobalTables_OwnsEachTableWithStreamEncryptionAndNoReplicaList()
    {
        var tables = Plans.For("prod-us").Data.Tables;

        var run = await StackRun.RunAsync("prod-us");

        var created = run.OfType("aws:dynamodb/table:Table").ToList();
        Assert.Equal(tables.Select(t => t.LogicalName), created.Select(t => t.Name));
        Assert.All(created, t =>
        {
            Assert.True((bool)t.Inputs["streamEnabled"]);
            Assert.True((bool)t.Inputs["deletionProtectionEnabled"]);
            Assert.DoesNotContain("replicas", t.Inputs.Keys);
        });
        Assert.Empty(run.OfType("aws:dynamodb/tableReplica:TableReplica"));
    }

    [Fact]
    public async Task ReplicaStack_GlobalTables_AddsOneReplicaPerTableToTheHomeTable()
    {
        var tables = Plans.For("prod-eu").Data.Tables;
        Assert.All(tables, t => Assert.Equal(GlobalTableRole.Replica, t.Role));

        var run = await StackRun.RunAsync("prod-eu");

        Assert.Empty(run.OfType("aws:dynamodb/table:Table"));
        var replicas = run.OfType("aws:dynamodb/tableReplica:TableReplica").ToList();
        Assert.Equal(tables.Select(t => t.LogicalName), replicas.Select(r => r.Name));
        Assert.All(replicas, r =>
        {
            Assert.Equal($"arn:aws:dynamodb:us-east-1:123456789012:table/securecart-{r.Name}", r.Inputs["globalTableArn"]);
            Assert.Contains("kmsKeyArn", r.Inputs.Keys);
        });
        Assert.Single(run.OfType("aws:kms/key:Key"), k => k.Name == "dynamodb-key");
    }

    [Theory]
    [InlineData("prod-us", null)]
    [InlineData("prod-eu", StackRun.HomeListenerArn)]
    public async Task Stack_EndpointGroup_OneForItsOwnRegionWithTheTrafficDial(string stack, string? listener)
    {
        var plan = Plans.For(stack);

        var run = await StackRun.RunAsync(stack);

        var group = Assert.Single(run.OfType("aws:globalaccelerator/endpointGroup:EndpointGroup")).Inputs;
        Assert.Equal(plan.Region, group["endpointGroupRegion"]);
        Assert.Equal((double)plan.EndpointGroup.TrafficDialPercentage, Convert.ToDouble(group["trafficDialPercentage"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(listener ?? "arn:aws:globalaccelerator::123456789012:accelerator/acc-home/listener/accelerator-listener-id", group["listenerArn"]);
    }

    [Fact]
    public async Task Stack_Services_OneEcsServicePerPlanServiceWithItsRuntimeAndCapacity()
    {
        var plan = Plans.For("prod-us");

        var run = await StackRun.RunAsync("prod-us");

        var services = run.OfType("aws:ecs/service:Service").ToDictionary(s => s.Name!);
        Assert.Equal(plan.Compute.Services.Select(s => s.LogicalName).Order(StringComparer.Ordinal), services.Keys.Order(StringComparer.Ordinal));
        foreach (var service in plan.Compute.Services)
        {
            var providers = ((IEnumerable<object>)services[service.LogicalName].Inputs["capacityProviderStrategies"])
                .Cast<IDictionary<string, object>>().Select(p => (string)p["capacityProvider"]);
            Assert.Equal(service.CapacityProviders.Select(c => c.Provider), providers);
            var task = run.Single("aws:ecs/taskDefinition:TaskDefinition", $"{service.LogicalName}-task").Inputs;
            Assert.Equal(service.RuntimeArchitecture, ((IDictionary<string, object>)task["runtimePlatform"])["cpuArchitecture"]);
            Assert.Contains("xray-daemon", (string)task["containerDefinitions"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Stack_NothingUnplanned_CountsMatchThePlan()
    {
        var plan = Plans.For("prod-us");

        var run = await StackRun.RunAsync("prod-us");

        Assert.Equal(plan.Observability.Alarms.Length + plan.Observability.MathAlarms.Length, run.OfType("aws:cloudwatch/metricAlarm:MetricAlarm").Count());
        Assert.Equal(plan.Observability.CompositeAlarms.Length, run.OfType("aws:cloudwatch/compositeAlarm:CompositeAlarm").Count());
        Assert.Equal((plan.Messaging.Queues.Length * 2) + 1, run.OfType("aws:sqs/queue:Queue").Count()); // each with its DLQ, and the undelivered-events queue
        Assert.Equal(plan.Messaging.Topics.Length + plan.Observability.RemoteAlarmRegions.Count(), run.OfType("aws:sns/topic:Topic").Count()); // + the alarm topic's copy per Region of remote metrics
        Assert.Equal(plan.Messaging.Rules.Length, run.OfType("aws:cloudwatch/eventRule:EventRule").Count());
        Assert.Equal(plan.Workflow.Functions.Length, run.OfType("aws:lambda/function:Function").Count());
        Assert.Equal(1 + plan.Data.Rds.Replicas.Length + (plan.Data.Standby is null ? 0 : 1), run.OfType("aws:rds/instance:Instance").Count());
        Assert.Equal(plan.Ingress.LoadBalancer.Rules.Length + 1, run.OfType("aws:lb/listenerRule:ListenerRule").Count()); // + the default service behind the origin header
        Assert.Single(run.OfType("aws:elasticache/replicationGroup:ReplicationGroup"));
        Assert.Single(run.OfType("aws:sfn/stateMachine:StateMachine"));
        Assert.All(run.OfType("aws:lambda/function:Function"), f => Assert.Equal("Active", ((IDictionary<string, object>)f.Inputs["tracingConfig"])["mode"]));
    }

    [Fact]
    public async Task Stacks_ProdUsAndProdEu_SameResourcesApartFromHomeOnlyOnes()
    {
        var us = await StackRun.RunAsync("prod-us");
        var eu = await StackRun.RunAsync("prod-eu");

        var usOnly = Keys(us).Except(Keys(eu)).ToList();
        var euOnly = Keys(eu).Except(Keys(us)).ToList();

        Assert.Equal(["pulumi:pulumi:StackReference home"], euOnly);
        Assert.Equal(Plans.For("prod-us").HomeOnlyLogicalNames.Order(StringComparer.Ordinal), usOnly.Select(k => k[(k.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HomeStack_HomeOnlyResources_UseTheAgreedLogicalNames()
    {
        var us = await StackRun.RunAsync("prod-us");
        var eu = await StackRun.RunAsync("prod-eu");

        var usNames = us.Created.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var euNames = eu.Created.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(Plans.For("prod-us").HomeOnlyLogicalNames, n => Assert.Contains(n, usNames));
        Assert.All(Plans.For("prod-us").HomeOnlyLogicalNames, n => Assert.DoesNotContain(n, euNames));
    }

    [Fact]
    public async Task Stack_RejectedConfiguration_ThrowsListingFaultsAndCreatesNothing()
    {
        var root = Directory.CreateTempSubdirectory("securecart-infra-").FullName;
        File.Copy(Path.Combine(Repository.Root, "Pulumi.yaml"), Path.Combine(root, "Pulumi.yaml"));
        await File.WriteAllTextAsync(Path.Combine(root, "Pulumi.prod-us.yaml"), "config:\n  aws:region: us-east-1\n  securecart:home: true\n  securecart:vpcCidr: 10.10.0.1/16\n  securecart:trafficDial: 250\n", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync("prod-us", root));

        Assert.Contains("vpcCidr", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("trafficDial", error.ToString(), StringComparison.Ordinal);
    }

    // Type and name; the global table is a Table at home and a TableReplica elsewhere, the same plan item.
    private static ImmutableSortedSet<string> Keys(StackRun run) => run.Created
        .Select(c => $"{c.Type!.Replace("aws:dynamodb/tableReplica:TableReplica", "aws:dynamodb/table:Table", StringComparison.Ordinal)} {c.Name}")
        .ToImmutableSortedSet(StringComparer.Ordinal);
}
