using Pulumi;
using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Infra.Edge;

/// <summary>The stack's endpoint group plan, the accelerator listener (own or the home stack's) and the ALB it serves.</summary>
public sealed record RegionEndpointGroupArgs(EndpointGroupPlan Plan, Output<string> ListenerArn, Output<string> LoadBalancerArn);
