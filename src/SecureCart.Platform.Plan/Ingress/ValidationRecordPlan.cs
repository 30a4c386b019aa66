namespace SecureCart.Platform.Plan.Ingress;

/// <summary>
/// The validation CNAME of one certificate name. ACM gives a name the same record in every region, so a name that
/// every stack certifies (<c>api.</c>, <c>gateway.</c>) has one record, owned by the home stack; a stack that does not
/// own it waits for the home stack's record (the home stack deploys first). Destroying a non-home stack then never
/// deletes a record another stack's renewal needs.
/// </summary>
/// <param name="LogicalName">Logical name of the Route 53 record, in the stack that owns it.</param>
/// <param name="OwnerStack">The one stack that creates the record.</param>
/// <param name="Shared">Whether every stack certifies the name (so only the home stack has the record).</param>
public sealed record ValidationRecordPlan(string LogicalName, string Domain, string OwnerStack, bool OwnedHere, bool Shared = false);
