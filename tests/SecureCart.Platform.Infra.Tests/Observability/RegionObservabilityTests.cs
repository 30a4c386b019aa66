using System.Text.Json;

namespace SecureCart.Platform.Infra.Tests.Observability;

public sealed class RegionObservabilityTests
{
    private const string MetricAlarm = "aws:cloudwatch/metricAlarm:MetricAlarm";

    [Fact]
    public async Task HomeStack_SloWindows_WatchTheDeployedTargetGroup_AndOnlyTheCompositePages()
    {
        var run = await StackRun.RunAsync("prod-us");

        var window = run.Single(MetricAlarm, "slo-checkout-1h").Inputs;
        var queries = ((IEnumerable<object>)window["metricQueries"]).Cast<IDictionary<string, object>>().ToList();
        var errors = (IDictionary<string, object>)queries.Single(q => (string)q["id"] == "errors")["metric"];
        var dimensions = (IDictionary<string, object>)errors["dimensions"];
        // The target group's and the load balancer's ARN suffixes, as CloudWatch names them.
        Assert.Equal("app/checkout-tg/0123", dimensions["TargetGroup"]);
        Assert.Equal("app/alb/0123", dimensions["LoadBalancer"]);
        Assert.Equal(3600.0, Convert.ToDouble(errors["period"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty((IEnumerable<object>)window.GetValueOrDefault("alarmActions", Array.Empty<object>()));

        var composite = run.Single("aws:cloudwatch/compositeAlarm:CompositeAlarm", "slo-checkout").Inputs;
        var rule = (string)composite["alarmRule"];
        Assert.Contains($"ALARM(\"{window["name"]}\")", rule, StringComparison.Ordinal);
        Assert.DoesNotContain("ALARM(slo-", rule, StringComparison.Ordinal);
        Assert.NotEmpty((IEnumerable<object>)composite["alarmActions"]);
    }

    [Fact]
    public async Task EuStack_AcceleratorAlarm_IsCreatedInUsWest2_WithTheIdsFromTheHomeListener_AndATopicThatPages()
    {
        var run = await StackRun.RunAsync("prod-eu");

        var provider = run.Single("pulumi:providers:aws", "alarms-provider-us-west-2");
        Assert.Equal("us-west-2", provider.Inputs["region"]);
        var flows = run.Single(MetricAlarm, "accelerator-flows").Inputs;
        var dimensions = (IDictionary<string, object>)flows["dimensions"];
        Assert.Equal(("home", "l1", "eu-west-1"), ((string)dimensions["Accelerator"], (string)dimensions["Listener"], (string)dimensions["EndpointGroup"]));
        var topic = run.Single("aws:sns/topic:Topic", "alarms-us-west-2");
        Assert.Contains(topic.Name!, JsonSerializer.Serialize(flows["alarmActions"]), StringComparison.Ordinal);

        var pagers = run.OfType("aws:sns/topicSubscription:TopicSubscription").Where(s => (string)s.Inputs["protocol"] == "https").ToList();
        Assert.Equal(["alarms-pager", "alarms-us-west-2-pager"], pagers.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(pagers, p => Assert.Equal(StackRun.PagerEndpoint, p.Inputs["endpoint"]));
        Assert.DoesNotContain(run.Created, c => c.Type == MetricAlarm && c.Name == "cloudfront-5xx-rate");
    }

    [Fact]
    public async Task HomeStack_CloudFrontAndWafAlarms_NameTheDistributionAndTheAclsMetric()
    {
        var run = await StackRun.RunAsync("prod-us");

        var cloudFront = (IDictionary<string, object>)run.Single(MetricAlarm, "cloudfront-5xx-rate").Inputs["dimensions"];
        Assert.Equal(("cloudfront-id", "Global"), ((string)cloudFront["DistributionId"], (string)cloudFront["Region"]));
        var waf = (IDictionary<string, object>)run.Single(MetricAlarm, "waf-blocked-spike").Inputs["dimensions"];
        Assert.Equal((Plans.For("prod-us").Edge!.WebAcl.Name, "ALL"), ((string)waf["WebACL"], (string)waf["Rule"]));
    }

    [Fact]
    public async Task Stack_LambdaAlarms_AndSamplingRules_AreDeployed()
    {
        var plan = Plans.For("prod-eu");
        var run = await StackRun.RunAsync("prod-eu");

        foreach (var f in plan.Workflow.Functions)
        {
            var throttles = (IDictionary<string, object>)run.Single(MetricAlarm, $"lambda-throttles-{f.LogicalName}").Inputs["dimensions"];
            Assert.Equal(f.Name, throttles["FunctionName"]);
        }

        var checkout = run.Single("aws:xray/samplingRule:SamplingRule", "xray-checkout").Inputs;
        Assert.Equal(("/api/checkout/*", 1.0), ((string)checkout["urlPath"], Convert.ToDouble(checkout["fixedRate"], System.Globalization.CultureInfo.InvariantCulture)));
        var replication = run.Single(MetricAlarm, "dynamodb-replication-carts").Inputs;
        Assert.Contains("us-east-1", JsonSerializer.Serialize(replication["metricQueries"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stack_ReplicaLagAlarms_NameTheDeployedStandbyAndEachReadReplica()
    {
        var plan = Plans.For("prod-eu");
        var run = await StackRun.RunAsync("prod-eu");

        var standby = run.Single(MetricAlarm, "rds-replica-lag-postgres-standby").Inputs;
        Assert.Equal(plan.Data.Standby!.Identifier, ((IDictionary<string, object>)standby["dimensions"])["DBInstanceIdentifier"]);
        Assert.Equal(60.0, Convert.ToDouble(standby["threshold"], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var replica in plan.Data.Rds.Replicas)
        {
            var alarm = run.Single(MetricAlarm, $"rds-replica-lag-{replica.LogicalName}").Inputs;
            Assert.Equal(replica.Identifier, ((IDictionary<string, object>)alarm["dimensions"])["DBInstanceIdentifier"]);
        }
    }

    [Fact]
    public async Task Workflow_InvokesTheLiveAliasOfEachPublishedFunction()
    {
        var plan = Plans.For("prod-us");
        var run = await StackRun.RunAsync("prod-us");

        var definition = (string)run.Single("aws:sfn/stateMachine:StateMachine", "order-fulfilment").Inputs["definition"];
        foreach (var f in plan.Workflow.Functions)
        {
            Assert.Equal(true, run.Single("aws:lambda/function:Function", f.LogicalName).Inputs["publish"]);
            var alias = run.Single("aws:lambda/alias:Alias", $"{f.LogicalName}-live").Inputs;
            Assert.Equal(("live", f.Name), ((string)alias["name"], (string)alias["functionName"]));
            Assert.Contains($"aws:lambda/alias:Alias/{f.LogicalName}-live", definition, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("aws:lambda/function:Function/", definition, StringComparison.Ordinal);
    }
}
