namespace SecureCart.Platform.Simulation.Model;

/// <summary>
/// A store with no auto scaling in the plan (an RDS instance group, a Redis cluster): it serves up to its
/// capacity, queues towards it (latency climbs), and times out the rest.
/// </summary>
internal sealed class FixedCapacity(double capacity, double baseLatencyMs)
{
    public double Capacity => capacity;

    public StepOutcome Step(double demand)
    {
        var served = Math.Min(demand, capacity);
        return new StepOutcome(demand, capacity, served, demand - served, Latency.At(baseLatencyMs, demand, capacity));
    }
}
