namespace SecureCart.Platform.Plan.Edge;

/// <summary>
/// A stack's Global Accelerator endpoint group: its own region and ALB, and the traffic dial (percent of the
/// traffic arriving for this region that it serves; 0 evacuates the region).
/// </summary>
/// <param name="EndpointType">What the group points at; the program registers the stack's ALB.</param>
/// <param name="HealthCheckPath">
/// Null for an ALB endpoint: Global Accelerator ignores the group's health-check settings for load balancer endpoints
/// and follows the ALB's target health (configured on the target groups), so setting them would only pretend.
/// </param>
/// <param name="ClientIpPreservation">Always true for an internal ALB: requests keep the caller's source address.</param>
public sealed record EndpointGroupPlan(
    string Region,
    int TrafficDialPercentage,
    string EndpointType,
    string? HealthCheckPath,
    int? HealthCheckPort,
    string? HealthCheckProtocol,
    int? HealthCheckIntervalSeconds,
    int? ThresholdCount,
    bool ClientIpPreservation)
{
    public const string ApplicationLoadBalancer = "ApplicationLoadBalancer";
}
