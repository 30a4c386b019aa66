namespace SecureCart.Platform.Simulation.Model;

/// <summary>
/// API Gateway's throttle: a bucket of <c>burst</c> tokens refilled at <c>rate</c> per second; a request
/// takes one token or is answered 429 (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html).
/// </summary>
internal sealed class TokenBucket(double rate, double burst)
{
    private readonly double _burst = burst;
    private double _tokens = burst;

    public double Rate => rate;

    public double Burst => _burst;

    /// <summary>
    /// Admits what the bucket allows of <paramref name="requests"/> spread over <paramref name="dt"/> seconds:
    /// the tokens held plus those that arrive during the step; what is left (at most the burst) carries over.
    /// </summary>
    public double Admit(double requests, double dt)
    {
        var available = _tokens + rate * dt;
        var admitted = Math.Min(requests, available);
        _tokens = Math.Min(_burst, available - admitted);
        return admitted;
    }
}
