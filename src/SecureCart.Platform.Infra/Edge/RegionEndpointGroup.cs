using Pulumi;
using Pulumi.Aws.GlobalAccelerator;
using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Infra.Edge;

/// <summary>
/// Every stack registers its own region with the accelerator: its ALB, health check and traffic dial.
/// Setting the stack's <c>trafficDial</c> to 0 and running <c>pulumi up</c> evacuates the region.
/// </summary>
public sealed class RegionEndpointGroup : ComponentResource
{
    public RegionEndpointGroup(string name, RegionEndpointGroupArgs args, ComponentResourceOptions? options = null)
        : base("securecart:platform:EndpointGroup", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        EndpointGroupPlan plan = args.Plan;
        var group = new EndpointGroup("endpoint-group", new EndpointGroupArgs
        {
            ListenerArn = args.ListenerArn,
            EndpointGroupRegion = plan.Region,
            TrafficDialPercentage = plan.TrafficDialPercentage,
            // Unset for the ALB: Global Accelerator follows the ALB's target health and ignores these (the plan says null).
            HealthCheckPath = Children.Maybe(plan.HealthCheckPath),
            HealthCheckPort = plan.HealthCheckPort is int port ? port : null,
            HealthCheckProtocol = Children.Maybe(plan.HealthCheckProtocol),
            HealthCheckIntervalSeconds = plan.HealthCheckIntervalSeconds is int interval ? interval : null,
            ThresholdCount = plan.ThresholdCount is int threshold ? threshold : null,
            EndpointConfigurations =
            {
                new Pulumi.Aws.GlobalAccelerator.Inputs.EndpointGroupEndpointConfigurationArgs
                {
                    EndpointId = args.LoadBalancerArn,
                    ClientIpPreservationEnabled = plan.ClientIpPreservation,
                },
            },
        }, Children.Of(this));
        EndpointGroupArn = group.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["endpointGroupArn"] = EndpointGroupArn });
    }

    public Output<string> EndpointGroupArn { get; }
}
