namespace SecureCart.Platform.Plan.Compute;

/// <summary>A shop service as the catalogue defines it, before a stack's sizes are applied.</summary>
/// <param name="Weight">Multiplier on the stack's task counts (storefront takes the most traffic).</param>
/// <param name="SpotPercent">Share of tasks above the on-demand base that may run on Spot; 0 where an interruption would break a payment or an order.</param>
/// <param name="PathPattern">ALB path rule for public services; null for the default action or none.</param>
/// <param name="Access">Least privilege: the only plan resources its task role may touch (RDS and Redis use network and credentials, not IAM).</param>
/// <param name="Backlog">For a queue worker: the queue it drains and how fast, which its scaling follows instead of CPU.</param>
public sealed record ServiceDefinition(string Name, ServiceKind Kind, int Cpu, int MemoryMb, double Weight, int SpotPercent, string? PathPattern, IReadOnlyList<ServiceAccess> Access, WorkerBacklog? Backlog = null);
