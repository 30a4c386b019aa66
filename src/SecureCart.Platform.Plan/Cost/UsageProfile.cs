namespace SecureCart.Platform.Plan.Cost;

/// <summary>
/// The traffic the usage-priced services are estimated at: what one regional stack serves in an average hour, and,
/// for the home stack's edge, what reaches CloudFront. A usage file (YAML, like the stack files) sets it; the shipped
/// default (Cost/usage-default.yaml) is a 100 request/s shop.
/// </summary>
/// <param name="Name">The file it came from, or "default".</param>
/// <param name="EdgeRequestsPerSecond">Requests CloudFront (and its WAF) serves, all paths.</param>
/// <param name="EdgeEgressGbPerMonth">GB CloudFront delivers to viewers.</param>
/// <param name="ApiRequestsPerSecond">Requests reaching this stack's services through the ALB.</param>
/// <param name="GatewayRequestsPerSecond">Mobile and partner requests through this stack's API Gateway.</param>
/// <param name="OrdersPerSecond">Orders this stack's order saga runs.</param>
/// <param name="DynamoReadsPerApiRequest">DynamoDB read request units per API request.</param>
/// <param name="DynamoWritesPerApiRequest">DynamoDB write request units per API request (replicated to every replica Region).</param>
/// <param name="StateTransitionsPerOrder">Step Functions state transitions per order.</param>
/// <param name="TracedRequestShare">Share of API requests X-Ray records (0 to 1).</param>
/// <param name="SpanKbPerTracedRequest">KB of spans one traced request writes to CloudWatch Logs under Transaction Search.</param>
/// <param name="CrossAzGbPerMonth">GB crossing Availability Zones inside the VPC (charged in each direction).</param>
/// <param name="LogGbPerMonth">GB ingested into CloudWatch Logs.</param>
public sealed record UsageProfile(
    string Name,
    decimal EdgeRequestsPerSecond,
    decimal EdgeEgressGbPerMonth,
    decimal ApiRequestsPerSecond,
    decimal GatewayRequestsPerSecond,
    decimal OrdersPerSecond,
    decimal DynamoReadsPerApiRequest,
    decimal DynamoWritesPerApiRequest,
    decimal StateTransitionsPerOrder,
    decimal TracedRequestShare,
    decimal SpanKbPerTracedRequest,
    decimal CrossAzGbPerMonth,
    decimal LogGbPerMonth)
{
    private static readonly Lazy<UsageProfile> s_default = new(UsageProfileLoader.LoadEmbeddedDefault);

    public static UsageProfile Default => s_default.Value;
}
