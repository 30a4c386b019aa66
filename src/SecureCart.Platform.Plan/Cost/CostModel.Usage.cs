using System.Collections.Immutable;
using System.Globalization;

namespace SecureCart.Platform.Plan.Cost;

/// <summary>The usage-priced services, estimated from a usage profile, and Container Insights' metric count.</summary>
public sealed partial class CostModel
{
    // Container Insights (standard) is billed as custom metrics. Its 16 ECS metric names (CloudWatch user guide,
    // docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/appinsights-metrics-ecs.html: ContainerInstanceCount …
    // TaskSetCount) are all published for the cluster; the 13 that describe tasks of a service (all but
    // ContainerInstanceCount, ServiceCount and TaskCount) per service; the 9 resource ones (CPU and memory used and
    // reserved, network in and out, storage read and write, running tasks) per task-definition family.
    internal const int ClusterMetrics = 16;
    internal const int ServiceMetrics = 13;
    internal const int TaskFamilyMetrics = 9;

    private const decimal KbPerGb = 1024m * 1024m;

    public static int ContainerInsightsMetrics(int services) => ClusterMetrics + services * (ServiceMetrics + TaskFamilyMetrics);

    private void UsageItems(RegionalPlan plan, UsageProfile? usage, ImmutableArray<CostItem>.Builder items)
    {
        if (usage is null)
        {
            string[] unestimated =
            [
                "ingress|API Gateway REST API|per million requests", "data|DynamoDB global tables|on-demand requests and replicated writes",
                "workflow|Step Functions|per state transition",
                plan.Observability.TransactionSearch is null ? "observability|X-Ray|per trace recorded" : "observability|X-Ray spans (Transaction Search)|per GB ingested into aws/spans",
                "network|cross-AZ transfer|per GB in each direction", "observability|CloudWatch Logs ingestion|per GB ingested",
            ];
            items.AddRange(unestimated.Select(u => u.Split('|')).Select(u => new CostItem(u[0], u[1], "", 0, 0, 0, $"{u[2]}; pass a usage profile to estimate it")));
            if (plan.Edge is not null)
            {
                items.Add(new CostItem("edge", "CloudFront and WAF requests", "", 0, 0, 0, "per request and GB delivered; pass a usage profile to estimate it"));
            }

            return;
        }

        var seconds = prices.HoursPerMonth * 3600m;
        var on = $"usage profile '{usage.Name}'";
        void PerMonth(string component, string resource, string sku, decimal quantity, string note)
        {
            var price = prices.Find(plan.Region, sku);
            var monthly = (price ?? 0m) * quantity;
            items.Add(new CostItem(component, resource, sku, Math.Round(quantity, 4), Round(monthly / prices.HoursPerMonth), Round(monthly),
                price is null ? $"{note}; no price for {sku} in this region, counted as zero" : note)
            {
                MissingPrices = price is null ? [sku] : [],
                FromUsage = true,
            });
        }

        string Rate(decimal perSecond, string what) => string.Create(CultureInfo.InvariantCulture, $"{perSecond:0.###} {what}/s on {on}");

        if (plan.Edge is not null)
        {
            PerMonth("edge", "CloudFront HTTPS requests", "cloudfront.https-10k", usage.EdgeRequestsPerSecond * seconds / 10_000m, $"{Rate(usage.EdgeRequestsPerSecond, "request")}, per 10,000");
            PerMonth("edge", "CloudFront data transfer out", "cloudfront.gb", usage.EdgeEgressGbPerMonth, string.Create(CultureInfo.InvariantCulture, $"{usage.EdgeEgressGbPerMonth:0.##} GB a month on {on}, first-10-TB tier"));
            PerMonth("edge", "WAF requests inspected", "waf.million-requests", usage.EdgeRequestsPerSecond * seconds / 1_000_000m, $"{Rate(usage.EdgeRequestsPerSecond, "request")}, per million");
        }

        PerMonth("ingress", "API Gateway REST API requests", "apigateway.rest.million", usage.GatewayRequestsPerSecond * seconds / 1_000_000m, $"{Rate(usage.GatewayRequestsPerSecond, "request")}, per million");
        var reads = usage.ApiRequestsPerSecond * usage.DynamoReadsPerApiRequest;
        var writes = usage.ApiRequestsPerSecond * usage.DynamoWritesPerApiRequest;
        var otherRegions = plan.Data.Tables.Select(t => t.ReplicaRegions.Length).DefaultIfEmpty(0).Max();
        PerMonth("data", "DynamoDB reads (on demand)", "dynamodb.million-rru", reads * seconds / 1_000_000m, $"{Rate(reads, "read unit")}, per million");
        PerMonth("data", "DynamoDB writes and replicated writes", "dynamodb.million-wru", writes * (1 + otherRegions) * seconds / 1_000_000m,
            string.Create(CultureInfo.InvariantCulture, $"{Rate(writes, "write unit")} written here, plus as many replicated in from each of {otherRegions} other Region(s), per million"));
        PerMonth("workflow", "Step Functions state transitions", "stepfunctions.1k-transitions", usage.OrdersPerSecond * usage.StateTransitionsPerOrder * seconds / 1000m,
            string.Create(CultureInfo.InvariantCulture, $"{Rate(usage.OrdersPerSecond, "order")} x {usage.StateTransitionsPerOrder:0.##} transitions, per 1,000"));
        var traced = usage.ApiRequestsPerSecond * usage.TracedRequestShare;
        if (plan.Observability.TransactionSearch is null)
        {
            PerMonth("observability", "X-Ray traces recorded", "xray.million-traces", traced * seconds / 1_000_000m,
                string.Create(CultureInfo.InvariantCulture, $"{usage.TracedRequestShare:P0} of {Rate(usage.ApiRequestsPerSecond, "request")}, per million"));
        }
        else
        {
            // Transaction Search bills spans as CloudWatch Logs data per GB instead of X-Ray traces recorded; the 1 %
            // indexed as trace summaries is free (CloudWatch user guide, Enable-TransactionSearch.html).
            PerMonth("observability", "X-Ray spans ingested (Transaction Search)", "cloudwatch.spans-ingest-gb", traced * usage.SpanKbPerTracedRequest * seconds / KbPerGb,
                string.Create(CultureInfo.InvariantCulture, $"{usage.TracedRequestShare:P0} of {Rate(usage.ApiRequestsPerSecond, "request")} x {usage.SpanKbPerTracedRequest:0.##} KB of spans, per GB"));
        }

        PerMonth("network", "cross-AZ transfer", "transfer.cross-az-gb", usage.CrossAzGbPerMonth * 2, string.Create(CultureInfo.InvariantCulture, $"{usage.CrossAzGbPerMonth:0.##} GB a month on {on}, charged leaving one zone and entering the other"));
        PerMonth("observability", "CloudWatch Logs ingestion", "cloudwatch.logs-ingest-gb", usage.LogGbPerMonth, string.Create(CultureInfo.InvariantCulture, $"{usage.LogGbPerMonth:0.##} GB a month on {on}"));
    }
}
