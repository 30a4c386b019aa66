using SecureCart.Platform.Plan.Ingress;
using SecureCart.Platform.Simulation.Behaviour;

namespace SecureCart.Platform.Simulation.Model;

/// <summary>
/// The regional HTTP API: checkout requests pass the checkout route's bucket, the rest the stage default's, and
/// everything the account-wide bucket of the Region (one API per stack, so the account limit is its own).
/// </summary>
internal sealed class ApiGatewayModel(ApiGatewayPlan plan, AwsBehaviour aws)
{
    private readonly TokenBucket _stage = new(plan.DefaultThrottle.RateLimit, plan.DefaultThrottle.BurstLimit);
    private readonly TokenBucket _checkout = new(plan.RouteThrottles[0].RateLimit, plan.RouteThrottles[0].BurstLimit);
    private readonly TokenBucket _account = new(aws.ApiAccountRateRps, aws.ApiAccountBurst);

    /// <summary>Admitted requests per second of <paramref name="rps"/>, of which <paramref name="checkoutRps"/> are checkouts.</summary>
    public StepOutcome Step(double rps, double checkoutRps, double dt)
    {
        var checkout = _checkout.Admit(checkoutRps * dt, dt);
        var other = _stage.Admit((rps - checkoutRps) * dt, dt);
        var total = checkout + other;
        var admitted = _account.Admit(total, dt);
        var served = admitted / dt;
        var capacity = Math.Min(_stage.Rate + _checkout.Rate, _account.Rate);
        return new StepOutcome(rps, capacity, served, rps - served, 0);
    }
}
