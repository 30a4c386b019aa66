using System.Collections.Immutable;
using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Plan.Previews;

/// <summary>One service of a preview: a single Fargate Spot task behind a host rule on the shared ALB.</summary>
/// <param name="Access">
/// Production's grants of this service limited to what the preview owns (its queues, its tables, its database):
/// a grant on something only production has (the event bus, the workflow) is left out rather than pointed elsewhere.
/// </param>
public sealed record PreviewServicePlan(string LogicalName, string Name, string TargetGroupName, int Cpu, int MemoryMb, string RuntimeArchitecture, int DesiredCount, string CapacityProvider, int Port, string HealthCheckPath, string? PathPattern, ImmutableArray<ServiceAccess> Access)
{
    /// <summary>It talks to PostgreSQL, so its task gets the preview database's credentials.</summary>
    public bool UsesDatabase => Access.Any(a => a.Kind == AccessKind.PostgresConnect);
}
