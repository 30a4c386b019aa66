namespace SecureCart.Platform.Plan.Network;

/// <summary>One subnet: its tier, zone and block.</summary>
public sealed record SubnetPlan(string LogicalName, string Name, SubnetTier Tier, string AvailabilityZone, string Cidr);
