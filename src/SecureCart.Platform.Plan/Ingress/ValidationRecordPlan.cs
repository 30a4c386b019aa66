namespace SecureCart.Platform.Plan.Ingress;

/// <summary>The validation CNAME of one certificate name.</summary>
/// <param name="LogicalName">Logical name of the Route 53 record, in the stack that owns it.</param>
/// <param name="OwnerStack">The one stack that creates the record.</param>
public sealed record ValidationRecordPlan(string LogicalName, string Domain, string OwnerStack, bool OwnedHere);
