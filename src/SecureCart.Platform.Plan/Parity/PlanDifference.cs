namespace SecureCart.Platform.Plan.Parity;

/// <summary>A plan value that differs between two stacks once their declared per-stack settings are set aside.</summary>
/// <param name="Path">JSON path in the plan, e.g. <c>data.rds.replicas</c>.</param>
public sealed record PlanDifference(string ReferenceStack, string Stack, string Path, string ReferenceValue, string Value);
