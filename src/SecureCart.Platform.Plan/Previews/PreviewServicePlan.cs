namespace SecureCart.Platform.Plan.Previews;

/// <summary>One service of a preview: a single Fargate Spot task behind a host rule on the shared ALB.</summary>
public sealed record PreviewServicePlan(string LogicalName, string Name, string TargetGroupName, int Cpu, int MemoryMb, string RuntimeArchitecture, int DesiredCount, string CapacityProvider, int Port, string HealthCheckPath, string? PathPattern);
