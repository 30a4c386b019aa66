using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Data;
using SecureCart.Platform.Plan.Edge;
using SecureCart.Platform.Plan.Ingress;
using SecureCart.Platform.Plan.Naming;
using SecureCart.Platform.Plan.Workflow;

namespace SecureCart.Platform.Plan.Observability;

/// <summary>
/// Alarms on the parts beyond the ALB and the data stores: the workflow's functions, the API gateway, the edge
/// (CloudFront and its web ACL, in us-east-1; Global Accelerator, in us-west-2) and global-table replication.
/// </summary>
public static class CoverageAlarms
{
    /// <summary>Global Accelerator publishes its metrics in US West (Oregon) only.</summary>
    public const string AcceleratorMetricsRegion = "us-west-2";

    /// <summary>CloudFront, and web ACLs of CLOUDFRONT scope, publish their metrics in US East (N. Virginia).</summary>
    public const string CloudFrontMetricsRegion = EdgePlanner.CloudFrontCertificateRegion;

    /// <summary>The home stack's alarms on its edge (parity allows them in the home stack only).</summary>
    public static IReadOnlyList<string> EdgeAlarmLogicalNames { get; } = [CloudFront5xx, WafBlockedSpike];

    /// <summary>The gateway's web ACL, as alarm dimensions name it.</summary>
    public const string ApiWebAcl = "api-waf";

    private const string CloudFront5xx = "cloudfront-5xx-rate";
    private const string WafBlockedSpike = "waf-blocked-spike";

    public static IEnumerable<AlarmPlan> Functions(Func<string, string, string, (string, string)[], string, int, int, double, string, AlarmPlan> alarm, WorkflowPlan workflow)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(workflow);
        foreach (var f in workflow.Functions)
        {
            // Step Functions retries a failed call; five failures in five minutes are past what retries hide.
            yield return alarm($"lambda-errors-{f.LogicalName}", "AWS/Lambda", "Errors", [("FunctionName", f.LogicalName)], "Sum", 300, 1, 5, $"{f.LogicalName} fails repeatedly: orders at its step are retried, then compensated.");
            // Any throttle means the account's or the function's concurrency ran out during a sale.
            yield return alarm($"lambda-throttles-{f.LogicalName}", "AWS/Lambda", "Throttles", [("FunctionName", f.LogicalName)], "Sum", 300, 1, 0, $"{f.LogicalName} is throttled: raise its reserved concurrency or the account quota.");
        }
    }

    public static IEnumerable<AlarmPlan> Gateway(Func<string, string, string, (string, string)[], string, int, int, double, string, AlarmPlan> alarm, ApiGatewayPlan api)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(api);
        (string, string)[] dimensions = [("ApiName", "api"), ("Stage", api.StageName)];
        yield return alarm("api-5xx", "AWS/ApiGateway", "5XXError", dimensions, "Sum", 60, 5, 25, "The partner and mobile API answers 5xx: the ALB behind it or the VPC link is failing.");
        yield return alarm("api-latency-p99", "AWS/ApiGateway", "Latency", dimensions, "p99", 60, 5, 2000, "API p99 latency above 2 s (gateway plus backend).");
        // The gateway's REGIONAL web ACL publishes with a Region dimension, in the stack's Region.
        yield return alarm("api-waf-blocked-spike", "AWS/WAFV2", "BlockedRequests", [("Region", api.WebAcl.Region), ("Rule", "ALL"), ("WebACL", ApiWebAcl)], "Sum", 300, 1, 10 * (double)(api.WebAcl.Rules.FirstOrDefault(r => r.RateLimitPer5Minutes is not null)?.RateLimitPer5Minutes ?? 0),
            "The gateway's web ACL blocks ten clients' worth of the rate limit in five minutes: an attack on the API or a false positive; read its WAF logs.");
    }

    /// <summary>The worst replication latency of each global table from this Region to any other: one alarm per table whatever the number of Regions.</summary>
    public static IEnumerable<MathAlarmPlan> Replication(ResourceNames names, DataPlan data, string region, IReadOnlyList<StackSettings> allStacks)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(allStacks);
        var peers = allStacks.Select(s => s.Region).Where(r => r != region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (peers.Count == 0)
        {
            yield break;
        }

        foreach (var table in data.Tables)
        {
            var logical = $"dynamodb-replication-{table.LogicalName}";
            var queries = peers.Select((peer, i) => MetricQueryPlan.Metric($"to{i + 1}", "AWS/DynamoDB", "ReplicationLatency", [("ReceivingRegion", peer), ("TableName", table.LogicalName)], "Average")).ToList();
            queries.Add(MetricQueryPlan.Math("worst", $"MAX([{string.Join(", ", queries.Select(q => q.Id))}])"));
            // Carts and sessions written here reach the other Regions within seconds normally; a minute behind is a Region in trouble.
            yield return new MathAlarmPlan(logical, names.Physical($"alarm-{logical}", 255), [.. queries], 60, 5, 60_000, "GreaterThanThreshold", "notBreaching", Notifies: true,
                $"{table.LogicalName} replicates to another Region more than a minute late: a Region may be degraded; see the evacuation runbook.");
        }
    }

    /// <summary>The home stack's edge: CloudFront's 5xx rate and a spike of blocked requests at its web ACL (both in us-east-1).</summary>
    public static IEnumerable<AlarmPlan> Edge(Func<string, string, string, (string, string)[], string, int, int, double, string, AlarmPlan> alarm, EdgePlan? edge, string stackRegion)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        if (edge is null)
        {
            yield break;
        }

        var region = stackRegion == CloudFrontMetricsRegion ? null : CloudFrontMetricsRegion;
        yield return alarm(CloudFront5xx, "AWS/CloudFront", "5xxErrorRate", [("DistributionId", EdgeLogicalNames.Distribution), ("Region", "Global")], "Average", 300, 3, 1,
            "Over 1 % of CloudFront responses are 5xx for 15 minutes: origins (accelerator, ALBs, bucket) fail for customers everywhere.") with
        { Region = region, HomeOnly = true };
        // Rule ALL sums the web ACL's blocks; CLOUDFRONT-scope ACLs publish without a Region dimension.
        yield return alarm(WafBlockedSpike, "AWS/WAFV2", "BlockedRequests", [("Rule", "ALL"), ("WebACL", EdgeLogicalNames.WebAcl)], "Sum", 300, 1, 10 * (double)edge.CloudFront.WafRateLimitPer5Minutes,
            "The web ACL blocks ten clients' worth of the rate limit in five minutes: an attack or a false positive; read the WAF logs.") with
        { Region = region, HomeOnly = true };
    }

    /// <summary>New flows to this Region's endpoint group: none for 15 minutes while dialled in means its ALB is unhealthy to Global Accelerator.</summary>
    public static AlarmPlan Accelerator(Func<string, string, string, (string, string)[], string, int, int, double, string, AlarmPlan> alarm, string stackRegion)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        return alarm("accelerator-flows", "AWS/GlobalAccelerator", "NewFlowCount", [("Accelerator", EdgeLogicalNames.Accelerator), ("EndpointGroup", stackRegion), ("Listener", EdgeLogicalNames.Listener)], "Sum", 300, 3, 1,
            "No new flows reach this Region's endpoint group: Global Accelerator considers its ALB unhealthy (or the traffic dial is 0 during an evacuation).") with
        {
            Region = stackRegion == AcceleratorMetricsRegion ? null : AcceleratorMetricsRegion,
            ComparisonOperator = "LessThanThreshold",
            TreatMissingData = "breaching",
        };
    }
}
