namespace SecureCart.Platform.Plan.Data;

/// <summary>A read replica of the regional primary, placed in its own AZ.</summary>
public sealed record RdsReplicaPlan(string LogicalName, string Identifier, string InstanceClass, string AvailabilityZone);
