namespace SecureCart.Platform.Plan.Network;

/// <summary>One allowed inbound flow into a tier.</summary>
/// <param name="FromTier">Source tier's logical name, or null when <paramref name="FromCidr"/> is set.</param>
/// <param name="FromCidr">Source block (the VPC range for the internal ALB).</param>
public sealed record IngressRulePlan(string Description, int FromPort, int ToPort, string? FromTier, string? FromCidr);
