namespace SecureCart.Platform.Plan.Constraints;

/// <summary>What the rules look at: every stack's plan (some rules span stacks) and the current time.</summary>
public sealed record ConstraintContext(IReadOnlyList<RegionalPlan> Plans, DateTimeOffset Now);
