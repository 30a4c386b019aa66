namespace SecureCart.Platform.Review.Preview;

/// <summary>One `policyEvent` (apitype.PolicyEvent): a policy pack's verdict on a resource or the stack.</summary>
public sealed record PolicyViolation(string? Urn, string Pack, string Policy, string EnforcementLevel, string? Severity, string Message, long Line)
{
    public bool Mandatory => EnforcementLevel == "mandatory";
}
