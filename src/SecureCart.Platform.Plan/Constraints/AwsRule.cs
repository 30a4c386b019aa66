namespace SecureCart.Platform.Plan.Constraints;

/// <summary>One AWS constraint over the plans: an id, what it requires, its citation, and the check that lists violations.</summary>
public sealed record AwsRule(string Id, string Requirement, AwsCitation Citation, Func<ConstraintContext, IEnumerable<string>> Check);
