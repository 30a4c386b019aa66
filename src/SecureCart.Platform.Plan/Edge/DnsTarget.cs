namespace SecureCart.Platform.Plan.Edge;

/// <summary>What a public name must point at.</summary>
public enum DnsTarget
{
    CloudFront,
    Accelerator,
    ApiGateway,
}
