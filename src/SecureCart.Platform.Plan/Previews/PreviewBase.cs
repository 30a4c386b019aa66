using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Plan.Previews;

/// <summary>
/// The long-lived stack previews share (VPC, cluster, ALB, RDS instance, Redis): creating those takes tens of
/// minutes, so a preview owns only what starts in seconds.
/// </summary>
public sealed record PreviewBase(string StackName, string Region, string Domain, CpuArchitecture Architecture);
