using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Constraints;
using SecureCart.Platform.Plan.Data;
using SecureCart.Platform.Plan.Observability;
using SecureCart.Platform.Plan.Workflow;

namespace SecureCart.Platform.Plan.Tests.Observability;

public sealed class CoverageAlarmsTests
{
    [Fact]
    public void Plan_EachFunction_AlarmsOnErrorsAndThrottles()
    {
        var plan = PlanFixtures.Plan("prod-eu");

        foreach (var f in plan.Workflow.Functions)
        {
            Assert.Contains(plan.Observability.Alarms, a => a.MetricName == "Errors" && a.Dimensions["FunctionName"] == f.LogicalName);
            var throttles = Assert.Single(plan.Observability.Alarms, a => a.MetricName == "Throttles" && a.Dimensions["FunctionName"] == f.LogicalName);
            Assert.Equal(0, throttles.Threshold);
        }
    }

    [Fact]
    public void Plan_Gateway_AlarmsOn5xxAndP99LatencyOfItsStage()
    {
        var plan = PlanFixtures.Plan("prod-us");

        var errors = plan.Observability.Alarms.Single(a => a.LogicalName == "api-5xx");
        var latency = plan.Observability.Alarms.Single(a => a.LogicalName == "api-latency-p99");
        Assert.Equal(("AWS/ApiGateway", "5XXError", plan.Ingress.Api.StageName), (errors.Namespace, errors.MetricName, errors.Dimensions["Stage"]));
        Assert.True(latency.IsPercentile);
        var blocked = plan.Observability.Alarms.Single(a => a.LogicalName == "api-waf-blocked-spike");
        Assert.Equal(("us-east-1", "ALL", 20_000.0), (blocked.Dimensions["Region"], blocked.Dimensions["Rule"], blocked.Threshold));
    }

    [Fact]
    public void Plan_HomeStack_AlarmsOnCloudFrontAndItsWebAclInUsEast1_AndOnlyThere()
    {
        var us = PlanFixtures.Plan("prod-us");
        var eu = PlanFixtures.Plan("prod-eu");

        var cloudFront = us.Observability.Alarms.Single(a => a.Namespace == "AWS/CloudFront");
        Assert.Equal(("5xxErrorRate", "Global"), (cloudFront.MetricName, cloudFront.Dimensions["Region"]));
        // prod-us is in us-east-1 already: no other Region to create it in.
        Assert.Null(cloudFront.Region);
        Assert.Contains(us.Observability.Alarms, a => a.Namespace == "AWS/WAFV2" && a.MetricName == "BlockedRequests" && a.Dimensions["Rule"] == "ALL");
        Assert.DoesNotContain(eu.Observability.Alarms, a => a.Namespace == "AWS/CloudFront" || a.HomeOnly);
        Assert.Contains("cloudfront-5xx-rate", us.HomeOnlyLogicalNames);
        Assert.Contains("waf-blocked-spike", us.HomeOnlyLogicalNames);
    }

    [Fact]
    public void Plan_HomeStackOutsideUsEast1_PlansTheCloudFrontAlarmsInUsEast1()
    {
        var plan = PlanFixtures.Plan("prod-us", s => s with { Region = "us-east-2" });

        Assert.All(plan.Observability.Alarms.Where(a => a.HomeOnly), a => Assert.Equal("us-east-1", a.Region));
        // The gateway's ACL is regional: its alarm stays in the stack's Region.
        Assert.Null(plan.Observability.Alarms.Single(a => a.LogicalName == "api-waf-blocked-spike").Region);
        Assert.Equal(["us-east-1", "us-west-2"], plan.Observability.RemoteAlarmRegions);
    }

    [Fact]
    public void Plan_EveryStack_WatchesItsEndpointGroupsFlowsInUsWest2()
    {
        foreach (var stack in new[] { "prod-us", "prod-eu" })
        {
            var plan = PlanFixtures.Plan(stack);

            var flows = plan.Observability.Alarms.Single(a => a.Namespace == "AWS/GlobalAccelerator");
            Assert.Equal(("NewFlowCount", "us-west-2", plan.Region), (flows.MetricName, flows.Region, flows.Dimensions["EndpointGroup"]));
            Assert.Equal(("LessThanThreshold", "breaching"), (flows.ComparisonOperator, flows.TreatMissingData));
        }
    }

    [Fact]
    public void Plan_EachGlobalTable_AlarmsOnTheWorstReplicationLatencyToTheOtherRegions()
    {
        var plan = PlanFixtures.Plan("prod-us");

        foreach (var table in plan.Data.Tables)
        {
            var alarm = plan.Observability.MathAlarms.Single(m => m.LogicalName == $"dynamodb-replication-{table.LogicalName}");
            var metric = Assert.Single(alarm.Queries, q => q.IsMetric);
            Assert.Equal(("ReplicationLatency", "eu-west-1", table.LogicalName), (metric.MetricName, metric.Dimensions!["ReceivingRegion"], metric.Dimensions["TableName"]));
            Assert.Equal("MAX([to1])", Assert.Single(alarm.Queries, q => q.ReturnData).Expression);
            Assert.True(alarm.Notifies);
        }
    }

    [Fact]
    public void Plan_SingleRegion_HasNoReplicationAlarm()
    {
        var stack = PlanFixtures.Settings("prod-eu");

        var plan = RegionalPlanner.Plan(stack, [stack]);

        Assert.DoesNotContain(plan.Observability.MathAlarms, m => m.LogicalName.StartsWith("dynamodb-replication-", StringComparison.Ordinal));
    }

    [Fact]
    public void Published_EveryNewMetric_HasItsDimensionSetAndACitedNamespace()
    {
        foreach (var metric in new[] { "AWS/ApplicationELB RequestCount", "AWS/Lambda Errors", "AWS/Lambda Throttles", "AWS/ApiGateway 5XXError", "AWS/ApiGateway Latency",
                     "AWS/CloudFront 5xxErrorRate", "AWS/WAFV2 BlockedRequests", "AWS/GlobalAccelerator NewFlowCount", "AWS/DynamoDB ReplicationLatency" })
        {
            Assert.True(MetricDimensions.Published.ContainsKey(metric), metric);
        }

        Assert.Equal("us-west-2", MetricDimensions.PublishedOnlyIn["AWS/GlobalAccelerator"]);
    }

    [Fact]
    public void SamplingRules_KeepEveryCheckoutTrace_AndHeadSampleEveryOtherRequest()
    {
        var plan = PlanFixtures.Plan("prod-us").Observability;

        var checkout = plan.SamplingRules.Single(r => r.UrlPath == "/api/checkout/*");
        var baseline = plan.SamplingRules.Single(r => r.UrlPath == "*");
        Assert.Equal(1.0, checkout.FixedRate);
        Assert.True(checkout.Priority < baseline.Priority);
        Assert.Equal(plan.XRaySamplingRate, baseline.FixedRate);
        Assert.Equal(1.0, baseline.FixedRate); // X-Ray decides before the outcome: only tracing all keeps every error trace
        Assert.All(plan.SamplingRules, r => Assert.InRange(r.Name.Length, 1, ObservabilityPlanner.SamplingRuleNameLimit));
    }

    [Fact]
    public void ReplicaLag_StandbyPagesAtThePublishedRpo_EachReadReplicaAtItsStalenessBudget()
    {
        var plan = PlanFixtures.Plan("prod-eu");

        var standby = plan.Observability.Alarms.Single(a => a.LogicalName == "rds-replica-lag-postgres-standby");
        Assert.Equal(("AWS/RDS", "ReplicaLag", RdsStandbyPlan.StandbyLogicalName), (standby.Namespace, standby.MetricName, standby.Dimensions["DBInstanceIdentifier"]));
        Assert.Equal(RdsStandbyPlan.RpoSeconds, standby.Threshold);
        var published = plan.Recovery!.Objectives.Single(o => o.Store.StartsWith("PostgreSQL", StringComparison.Ordinal) && o.Failure == "region");
        Assert.Contains($"under {standby.Threshold} s", published.Rpo, StringComparison.Ordinal);
        Assert.Contains(plan.Data.Standby!.SourceStack, standby.Description, StringComparison.Ordinal);
        Assert.Equal(plan.Data.Rds.Replicas.Length, plan.Observability.Alarms.Count(a => a.MetricName == "ReplicaLag" && a.Dimensions["DBInstanceIdentifier"] != RdsStandbyPlan.StandbyLogicalName));
        Assert.All(plan.Data.Rds.Replicas, r => Assert.Contains(plan.Observability.Alarms, a => a.MetricName == "ReplicaLag" && a.Dimensions["DBInstanceIdentifier"] == r.LogicalName));
    }

    [Fact]
    public void ReplicaLag_StackWithoutAPartner_HasNoStandbyAlarm()
    {
        var plan = PlanFixtures.Plan("prod-eu", s => s with { Profile = SizeProfile.Preview });

        Assert.Null(plan.Data.Standby);
        Assert.DoesNotContain(plan.Observability.Alarms, a => a.LogicalName == "rds-replica-lag-postgres-standby");
    }

    [Fact]
    public void TransactionSearch_Production_SpansToCloudWatchLogsWithTheFreeIndexedShare_PreviewsNone()
    {
        var production = PlanFixtures.Plan("prod-eu").Observability.TransactionSearch;
        var preview = PlanFixtures.Plan("prod-eu", s => s with { Profile = SizeProfile.Preview }).Observability.TransactionSearch;

        Assert.NotNull(production);
        Assert.Equal(1.0, production.IndexedPercent);
        Assert.Equal("CloudWatchLogs", TransactionSearchPlan.Destination);
        Assert.Contains("error", production.Reason, StringComparison.Ordinal);
        Assert.StartsWith("securecart-prod-eu", production.ResourcePolicyName, StringComparison.Ordinal);
        Assert.Equal(
            ["arn:aws:logs:eu-west-1:111122223333:log-group:aws/spans:*", "arn:aws:logs:eu-west-1:111122223333:log-group:/aws/application-signals/data:*"],
            TransactionSearchPlan.LogGroupArns("eu-west-1", "111122223333"));
        Assert.Null(preview); // account-wide per Region: a preview sharing the account must not take it over
    }

    [Fact]
    public void Paging_ShippedProductionStacks_PageThroughTheirPagerSecret_AStackWithoutItDoesNot()
    {
        Assert.Equal(ObservabilityPlanner.PagerEndpointKey, PlanFixtures.Plan("prod-us").Observability.Paging.EndpointSecretKey);
        Assert.Equal(PagingPlan.Protocol, "https");

        var without = PlanFixtures.Plan("prod-eu", s => s with { SecretKeys = [.. s.SecretKeys.Where(k => k != ObservabilityPlanner.PagerEndpointKey)] });

        Assert.False(without.Observability.Paging.Enabled);
    }

    [Fact]
    public void Functions_PublishVersions_AndTheWorkflowCallsTheLiveAlias()
    {
        Assert.All(PlanFixtures.Plan("prod-us").Workflow.Functions, f => Assert.Equal((true, LambdaPlan.LiveAlias), (f.Publish, f.AliasName)));
    }
}
