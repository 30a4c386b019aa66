using System.Collections.Immutable;
using Pulumi;
using SecureCart.Platform.Infra.Audit;
using SecureCart.Platform.Infra.Compute;
using SecureCart.Platform.Infra.Data;
using SecureCart.Platform.Infra.Edge;
using SecureCart.Platform.Infra.Ingress;
using SecureCart.Platform.Infra.Messaging;
using SecureCart.Platform.Infra.Network;
using SecureCart.Platform.Infra.Observability;
using SecureCart.Platform.Infra.Workflow;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Data;
using SecureCart.Platform.Plan.Edge;
using SecureCart.Platform.Plan.Ingress;
using SecureCart.Platform.Plan.Messaging;
using SecureCart.Platform.Plan.Network;
using SecureCart.Platform.Plan.Parity;
using SecureCart.Platform.Plan.Workflow;

namespace SecureCart.Platform.Infra;

/// <summary>
/// One regional stack: reads its stack file through the plan, then maps the <see cref="RegionalPlan"/> onto the
/// components. The home stack also creates the global edge; other stacks read it with a StackReference.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Pulumi stacks derive from Pulumi.Stack; the name is what Deploy/Program.cs and the docs use.")]
public sealed class SecureCartStack : Stack
{
    public SecureCartStack()
    {
        StackPlan loaded = StackPlan.Load(Deployment.Instance.RootDirectory, Deployment.Instance.StackName);
        RegionalPlan plan = loaded.Plan;
        StackSettings settings = loaded.Settings;
        ImmutableSortedDictionary<string, string> tags = plan.Tags;

        StackReference? home = plan.IsHome
            ? null
            : new StackReference("home", new StackReferenceArgs { Name = $"{Deployment.Instance.OrganizationName}/{Deployment.Instance.ProjectName}/{plan.HomeStack}" });
        OriginVerificationPlan origin = plan.Ingress.OriginVerification;
        Output<string> originValue = origin.OwnedHere
            ? GeneratedSecret.Create(OriginVerificationPlan.LogicalName, origin.SecretName, Children.Tags(tags, "edge"), this).Value
            : home!.RequireOutput(OriginVerificationPlan.OutputName).Apply(v => (string)v);

        var network = new RegionNetwork("network", new RegionNetworkArgs(plan.Network, plan.Region, tags));
        var audit = new RegionAudit("audit", new RegionAuditArgs(plan.Audit, plan.Region, network.VpcId, tags));
        var ingress = new RegionIngress("ingress", new RegionIngressArgs(plan.Ingress, plan.Compute.Services, plan.ApiRecord, settings.Domain, network, originValue, tags,
            new AlbAccessLogs(audit.AlbLogsBucket, plan.Audit.AlbLogs.Prefix, audit.AlbLogsPolicy)));
        var config = new Config(plan.Project);
        ImmutableDictionary<string, Output<string>> secrets = plan.Compute.Services.SelectMany(s => s.SecretNames).Distinct(StringComparer.Ordinal)
            .ToImmutableDictionary(k => k, k => config.RequireSecret(k), StringComparer.Ordinal);

        Output<ImmutableDictionary<string, object>>? homeTables = home?.RequireOutput("tableArns").Apply(v => ((IDictionary<string, object>)v).ToImmutableDictionary());
        var data = new RegionData("data", new RegionDataArgs(plan.Data, network, homeTables, tags));
        var messaging = new RegionMessaging("messaging", new RegionMessagingArgs(plan.Messaging, plan.Observability.AlarmTopic, settings.AlarmEmail, tags));
        var functionAccess = new AccessTargets(
            data.TableArns,
            data.TableKeyArn,
            messaging.QueueArns,
            messaging.TopicArns,
            ImmutableDictionary<string, Output<string>>.Empty.Add(MessagingPlan.BusLogicalName, messaging.BusArn),
            ImmutableDictionary<string, Output<string>>.Empty);
        var workflow = new RegionWorkflow("workflow", new RegionWorkflowArgs(
            plan.Workflow, plan.Region, plan.Messaging.BusName, messaging.BusArn, messaging.UndeliveredEventsQueueArn, messaging.UndeliveredEventsQueueUrl, functionAccess, network, plan.Observability.LogRetentionDays, tags));
        AccessTargets access = functionAccess with { StateMachines = functionAccess.StateMachines.Add(WorkflowPlan.LogicalName, workflow.StateMachineArn) };
        var compute = new RegionCompute("compute", new RegionComputeArgs(plan.Compute, plan.Region, plan.Observability.LogRetentionDays, network, ingress, secrets, access, tags, data.Database, plan.Data.Clients));
        GlobalEdge? edge = plan.Edge is { } edgePlan ? new GlobalEdge(EdgeLogicalNames.Component, new GlobalEdgeArgs(edgePlan, plan.Region, origin.HeaderName, originValue, tags, audit.CloudFrontLogsBucketDomain, plan.Audit.CloudFrontLogs?.Prefix ?? "cloudfront")) : null;
        Output<string> listenerArn = edge?.ListenerArn ?? home!.RequireOutput("acceleratorListenerArn").Apply(v => (string)v);
        _ = new RegionObservability("observability", new RegionObservabilityArgs(
            plan.Observability, DeployedIds(plan, ingress, compute, workflow).AddRange(EdgeIds(plan, edge, listenerArn)), messaging.TopicArns[plan.Observability.AlarmTopic], tags,
            plan.Region, settings.AlarmEmail, plan.Observability.Paging.EndpointSecretKey is { } pager ? config.RequireSecret(pager) : null));
        _ = new RegionEndpointGroup("endpoint-group", new RegionEndpointGroupArgs(plan.EndpointGroup, listenerArn, ingress.LoadBalancerArn));

        Fingerprint = Output.Create(PlanComparer.Fingerprint(settings));
        Region = Output.Create(plan.Region);
        IsHome = Output.Create(plan.IsHome);
        VpcId = network.VpcId;
        PrivateSubnetIds = network.SubnetIds[SubnetTier.Private];
        ServicesSecurityGroupId = network.SecurityGroupIds["services"];
        ClusterName = compute.ClusterName;
        ClusterArn = compute.ClusterArn;
        TaskExecutionRoleArn = compute.TaskExecutionRoleArn;
        AlbArn = ingress.LoadBalancerArn;
        AlbDnsName = ingress.LoadBalancerDnsName;
        AlbHttpsListenerArn = ingress.HttpsListenerArn;
        ApiEndpoint = ingress.ApiEndpoint;
        PostgresEndpoint = data.PostgresEndpoint;
        RedisEndpoint = data.RedisEndpoint;
        TableNames = Output.Create(plan.Data.Tables.ToImmutableDictionary(t => t.LogicalName, t => t.Name, StringComparer.Ordinal));
        TableArns = Output.All(data.TableArns.Values).Apply(arns => data.TableArns.Keys.Zip(arns).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        QueueUrls = Output.All(messaging.QueueUrls.Values).Apply(urls => messaging.QueueUrls.Keys.Zip(urls).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        StateMachineArn = workflow.StateMachineArn;
        AcceleratorListenerArn = listenerArn;
        AcceleratorDnsName = edge?.AcceleratorDnsName ?? home!.RequireOutput("acceleratorDnsName").Apply(v => (string)v);
        DistributionDomainName = edge?.DistributionDomainName ?? Output.Create("");
        OriginVerifyValue = Output.CreateSecret(originValue);
        PostgresProxyEndpoint = data.Database?.Writer ?? Output.Create("");
        PostgresReaderEndpoints = data.Database?.Readers ?? Output.Create("");
        PostgresStandbyEndpoint = data.StandbyEndpoint ?? Output.Create("");
    }

    /// <summary>The services' writer endpoint: RDS Proxy in front of the primary.</summary>
    [Output("postgresProxyEndpoint")] public Output<string> PostgresProxyEndpoint { get; private set; }

    /// <summary>The read replicas' addresses, comma-separated (the proxy's endpoint when there are none).</summary>
    [Output("postgresReaderEndpoints")] public Output<string> PostgresReaderEndpoints { get; private set; }

    /// <summary>The partner region's standby hosted here (empty without one): what the runbook promotes.</summary>
    [Output("postgresStandbyEndpoint")] public Output<string> PostgresStandbyEndpoint { get; private set; }

    /// <summary>The origin header's value, which the other stacks' listener rules and gateways read (a secret output).</summary>
    [Output(OriginVerificationPlan.OutputName)] public Output<string> OriginVerifyValue { get; private set; }

    /// <summary>Hash of the plan normalised for the per-stack settings: equal in every stack that deploys the same thing.</summary>
    [Output("fingerprint")] public Output<string> Fingerprint { get; private set; }

    [Output("region")] public Output<string> Region { get; private set; }

    [Output("isHome")] public Output<bool> IsHome { get; private set; }

    [Output("vpcId")] public Output<string> VpcId { get; private set; }

    [Output("privateSubnetIds")] public Output<ImmutableArray<string>> PrivateSubnetIds { get; private set; }

    [Output("servicesSecurityGroupId")] public Output<string> ServicesSecurityGroupId { get; private set; }

    [Output("clusterName")] public Output<string> ClusterName { get; private set; }

    [Output("clusterArn")] public Output<string> ClusterArn { get; private set; }

    [Output("taskExecutionRoleArn")] public Output<string> TaskExecutionRoleArn { get; private set; }

    [Output("albArn")] public Output<string> AlbArn { get; private set; }

    [Output("albDnsName")] public Output<string> AlbDnsName { get; private set; }

    [Output("albHttpsListenerArn")] public Output<string> AlbHttpsListenerArn { get; private set; }

    [Output("apiEndpoint")] public Output<string> ApiEndpoint { get; private set; }

    [Output("postgresEndpoint")] public Output<string> PostgresEndpoint { get; private set; }

    [Output("redisEndpoint")] public Output<string> RedisEndpoint { get; private set; }

    [Output("tableNames")] public Output<ImmutableDictionary<string, string>> TableNames { get; private set; }

    /// <summary>The home stack's table ARNs are what replica stacks attach their TableReplica to.</summary>
    [Output("tableArns")] public Output<ImmutableDictionary<string, string>> TableArns { get; private set; }

    [Output("queueUrls")] public Output<ImmutableDictionary<string, string>> QueueUrls { get; private set; }

    [Output("stateMachineArn")] public Output<string> StateMachineArn { get; private set; }

    [Output("acceleratorListenerArn")] public Output<string> AcceleratorListenerArn { get; private set; }

    [Output("acceleratorDnsName")] public Output<string> AcceleratorDnsName { get; private set; }

    /// <summary>Empty in non-home stacks, which have no distribution.</summary>
    [Output("distributionDomainName")] public Output<string> DistributionDomainName { get; private set; }

    // Alarm dimensions name plan resources by logical name; CloudWatch needs the deployed identifiers. Keyed by
    // "<dimension>:<logical name>" because a service and a queue may share a logical name (notifications).
    private static ImmutableDictionary<string, Input<string>> DeployedIds(RegionalPlan plan, RegionIngress ingress, RegionCompute compute, RegionWorkflow workflow)
    {
        ImmutableDictionary<string, Input<string>>.Builder ids = ImmutableDictionary.CreateBuilder<string, Input<string>>(StringComparer.Ordinal);
        ids[$"LoadBalancer:{plan.Ingress.LoadBalancer.LogicalName}"] = ingress.LoadBalancerArnSuffix;
        ids["ClusterName:cluster"] = plan.Compute.ClusterName;
        foreach ((string? logical, Output<string>? name) in compute.ServiceNames)
        {
            ids[$"ServiceName:{logical}"] = name;
        }

        ids["DBInstanceIdentifier:postgres"] = plan.Data.Rds.Identifier;
        foreach (RdsReplicaPlan replica in plan.Data.Rds.Replicas)
        {
            ids[$"DBInstanceIdentifier:{replica.LogicalName}"] = replica.Identifier;
        }

        if (plan.Data.Standby is { } standby)
        {
            ids[$"DBInstanceIdentifier:{RdsStandbyPlan.StandbyLogicalName}"] = standby.Identifier;
        }

        foreach (DynamoTablePlan table in plan.Data.Tables)
        {
            ids[$"TableName:{table.LogicalName}"] = table.Name;
        }

        foreach (QueuePlan queue in plan.Messaging.Queues)
        {
            ids[$"QueueName:{queue.LogicalName}"] = queue.Name;
            ids[$"QueueName:{queue.LogicalName}-dlq"] = queue.DeadLetterName;
        }

        ids[$"QueueName:{plan.Messaging.EventDelivery.QueueLogicalName}"] = plan.Messaging.EventDelivery.QueueName;
        ids[$"StateMachineArn:{WorkflowPlan.LogicalName}"] = workflow.StateMachineArn;
        foreach ((string logical, string cacheClusterId) in plan.Data.Redis.Nodes)
        {
            ids[$"CacheClusterId:{logical}"] = cacheClusterId;
        }

        foreach ((string? service, Output<string>? suffix) in ingress.TargetGroupArnSuffixes)
        {
            ids[$"TargetGroup:{service}"] = suffix;
        }

        foreach (LambdaPlan function in plan.Workflow.Functions)
        {
            ids[$"FunctionName:{function.LogicalName}"] = function.Name;
        }

        ids["ApiName:api"] = plan.Ingress.Api.Name;
        ids[$"WebACL:{Plan.Observability.CoverageAlarms.ApiWebAcl}"] = plan.Ingress.Api.WebAcl.Name; // the ACL's CloudWatch metric name
        return ids.ToImmutable();
    }

    // The edge's metric dimensions: CloudFront's distribution and web ACL (home stack), and the accelerator and listener
    // ids every stack reads from the listener ARN (arn:aws:globalaccelerator::<account>:accelerator/<id>/listener/<id>).
    private static IEnumerable<KeyValuePair<string, Input<string>>> EdgeIds(RegionalPlan plan, GlobalEdge? edge, Output<string> listenerArn)
    {
        if (edge is not null && plan.Edge is { } edgePlan)
        {
            yield return new($"DistributionId:{EdgeLogicalNames.Distribution}", edge.DistributionId);
            yield return new($"WebACL:{EdgeLogicalNames.WebAcl}", edgePlan.WebAcl.Name); // the ACL's CloudWatch metric name
        }

        yield return new($"Accelerator:{EdgeLogicalNames.Accelerator}", listenerArn.Apply(arn => ArnSegment(arn, "accelerator")));
        yield return new($"Listener:{EdgeLogicalNames.Listener}", listenerArn.Apply(arn => ArnSegment(arn, "listener")));
    }

    private static string ArnSegment(string arn, string name)
    {
        string[] parts = arn[(arn.LastIndexOf(':') + 1)..].Split('/');
        int at = Array.IndexOf(parts, name);
        return at >= 0 && at + 1 < parts.Length ? parts[at + 1] : throw new InvalidOperationException($"'{arn}' is not an accelerator listener ARN.");
    }
}
