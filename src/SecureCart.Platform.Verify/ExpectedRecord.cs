using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Verify;

/// <summary>A public name the plan says must exist, what it must point at, and which stack creates it.</summary>
/// <param name="Name">Fully qualified name without the trailing dot.</param>
/// <param name="Region">For latency records: the region of the API Gateway it must point at.</param>
public sealed record ExpectedRecord(string Name, string Type, DnsTarget Target, string? SetIdentifier, string? Region, string OwnerStack)
{
    public string Describe() => SetIdentifier is null ? $"{Name} {Type}" : $"{Name} {Type} ({SetIdentifier})";
}
