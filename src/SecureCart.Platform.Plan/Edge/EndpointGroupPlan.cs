namespace SecureCart.Platform.Plan.Edge;

/// <summary>
/// A stack's Global Accelerator endpoint group: its own region and ALB, and the traffic dial (percent of the
/// traffic arriving for this region that it serves; 0 evacuates the region).
/// </summary>
public sealed record EndpointGroupPlan(string Region, int TrafficDialPercentage, string HealthCheckPath, int HealthCheckPort, string HealthCheckProtocol, int HealthCheckIntervalSeconds, int ThresholdCount, bool ClientIpPreservation);
