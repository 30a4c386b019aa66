using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Constraints;

/// <summary>A rule and what broke it (empty when the plans keep it).</summary>
public sealed record RuleResult(AwsRule Rule, ImmutableArray<string> Violations)
{
    public bool Passed => Violations.IsEmpty;
}
