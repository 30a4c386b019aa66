namespace SecureCart.Platform.Simulation.Model;

/// <summary>What a component did with one step's demand (units per second).</summary>
/// <param name="LatencyMs">Mean latency of what it served; for queues, the age of the oldest message.</param>
public readonly record struct StepOutcome(double Demand, double Capacity, double Served, double Rejected, double LatencyMs);
