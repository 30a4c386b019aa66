namespace SecureCart.Platform.Plan.Network;

/// <summary>One allowed inbound flow into a tier; exactly one source is set.</summary>
/// <param name="FromTier">Source tier's logical name.</param>
/// <param name="FromCidr">Source block.</param>
/// <param name="FromPrefixList">Source AWS-managed prefix list, by name (CloudFront's origin-facing addresses for the ALB).</param>
public sealed record IngressRulePlan(string Description, int FromPort, int ToPort, string? FromTier, string? FromCidr, string? FromPrefixList = null);
