using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Constraints;

/// <summary>Runs every <see cref="AwsRules.All"/> rule over the plans.</summary>
public static class AwsConstraints
{
    public static ImmutableArray<RuleResult> Check(ConstraintContext context, IEnumerable<AwsRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [.. (rules ?? AwsRules.All).Select(r => new RuleResult(r, [.. r.Check(context)]))];
    }
}
