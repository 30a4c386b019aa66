using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Risk;

/// <summary>Builds findings for a step.</summary>
internal static class RiskFindings
{
    public static RiskFinding For(RiskRuleInfo rule, PreviewStep step, string detail, Severity? severity = null) => new()
    {
        Rule = rule,
        Severity = severity ?? rule.Severity,
        Urn = step.Urn.Value,
        Type = step.Type,
        Name = step.Urn.Name,
        Detail = detail,
        Line = step.Line,
    };

    /// <summary>A `same` step that still changes what `up` or a later `destroy` does.</summary>
    public static bool OptionsChanged(PreviewStep step) =>
        step.Old is { } old && step.New is { } now
        && (old.Protect != now.Protect || old.RetainOnDelete != now.RetainOnDelete);

    /// <summary>Steps whose new state is checked: a change, or every resource when auditing an export.</summary>
    public static bool Changes(PreviewStep step, ReviewPolicy policy) =>
        step.New is not null && step.Op switch
        {
            StepOperations.Create or StepOperations.Update or StepOperations.Replace or StepOperations.CreateReplacement
                or StepOperations.Import or StepOperations.ImportReplacement => true,
            // Pulumi reports a resource whose only change is a resource option (protect, retainOnDelete) as `same`.
            StepOperations.Same => (policy.AuditUnchanged && !step.New.Delete) || OptionsChanged(step),
            _ => false,
        };
}
