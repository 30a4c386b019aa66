using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Plan.Tests.Edge;

public sealed class EdgePlannerTests
{
    [Fact]
    public void Plan_HomeOnly_OwnsAcceleratorCloudFrontAndNames()
    {
        var us = PlanFixtures.Plan("prod-us");
        var eu = PlanFixtures.Plan("prod-eu");

        Assert.Null(eu.Edge);
        var edge = Assert.IsType<EdgePlan>(us.Edge);
        Assert.Equal(["eu-west-1", "us-east-1"], edge.EndpointGroupRegions);
        Assert.Equal("us-east-1", edge.CloudFront.CertificateRegion);
        Assert.Equal("/api/*", edge.CloudFront.ApiPathPattern);
        Assert.Equal("api.shop.securecart.example", edge.CloudFront.ApiOriginDomain);
        Assert.Contains(edge.CloudFront.ApiOriginDomain, us.Ingress.LoadBalancer.CertificateAlternativeNames);
        Assert.Contains(edge.Records, r => r.Name == "api.shop.securecart.example" && r.Target == DnsTarget.Accelerator);
        Assert.Equal(4, edge.Records.Count(r => r.Target == DnsTarget.CloudFront));
    }

    [Fact]
    public void Plan_EveryStack_OwnsItsEndpointGroupAndLatencyRecord()
    {
        var eu = PlanFixtures.Plan("prod-eu", s => s with { TrafficDial = 25 });

        Assert.Equal(("eu-west-1", 25, null), (eu.EndpointGroup.Region, eu.EndpointGroup.TrafficDialPercentage, eu.EndpointGroup.HealthCheckPath));
        Assert.True(eu.EndpointGroup.ClientIpPreservation);
        Assert.Equal(("gateway.shop.securecart.example", "latency", "eu-west-1"), (eu.ApiRecord.Name, eu.ApiRecord.RoutingPolicy, eu.ApiRecord.SetIdentifier));
    }

    [Fact]
    public void Alarms_CoverTheRequiredSignals()
    {
        var alarms = PlanFixtures.Plan("prod-eu").Observability.Alarms;

        foreach (var metric in new[] { "TargetResponseTime", "CPUUtilization", "ReplicaLag", "WriteThrottleEvents", "ApproximateAgeOfOldestMessage", "ApproximateNumberOfMessagesVisible" })
        {
            Assert.Contains(alarms, a => a.MetricName == metric);
        }

        Assert.Equal(3, alarms.Count(a => a.MetricName == "ReplicaLag")); // two read replicas and the standby of prod-us
        Assert.Equal(alarms.Length, alarms.Select(a => a.Name).Distinct().Count());
        Assert.True(alarms.Single(a => a.LogicalName == "alb-latency-p99").IsPercentile);
    }

    [Fact]
    public void Plan_WebAcl_ManagedGroupsAndRateRuleLoggedUnderTheRequiredPrefixInUsEast1()
    {
        var acl = PlanFixtures.Plan("prod-us").Edge!.WebAcl;

        Assert.Equal(
            [("ip-reputation", 1, "AWSManagedRulesAmazonIpReputationList"), ("rate-per-ip", 2, null), ("core-rule-set", 3, "AWSManagedRulesCommonRuleSet"), ("known-bad-inputs", 4, "AWSManagedRulesKnownBadInputsRuleSet")],
            acl.Rules.Select(r => (r.Name, r.Priority, r.ManagedGroup)));
        Assert.Equal(2000, acl.Rules.Single(r => r.Name == "rate-per-ip").RateLimitPer5Minutes);
        Assert.StartsWith("aws-waf-logs-", acl.LogGroupName, StringComparison.Ordinal);
        Assert.Equal(("CLOUDFRONT", "us-east-1", 90), (acl.Scope, acl.Region, acl.LogRetentionDays));
        Assert.Equal(["authorization", "cookie"], acl.RedactedHeaders);
    }

    [Fact]
    public void Plan_WafBotControl_AddedOnlyWhenTheStackAsks()
    {
        var acl = PlanFixtures.Plan("prod-us", s => s with { WafBotControl = true }).Edge!.WebAcl;

        var bot = acl.Rules[^1];
        Assert.Equal(("bot-control", 5, "AWSManagedRulesBotControlRuleSet"), (bot.Name, bot.Priority, bot.ManagedGroup));
        Assert.DoesNotContain(PlanFixtures.Plan("prod-us").Edge!.WebAcl.Rules, r => r.ManagedGroup == "AWSManagedRulesBotControlRuleSet");
        Assert.Equal(acl.Rules.Length, acl.Rules.Select(r => r.Priority).Distinct().Count());
    }
}
