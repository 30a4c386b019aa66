namespace SecureCart.Platform.Review.Risk;

/// <summary>Every rule the review runs, plus the two findings the reviewer itself raises.</summary>
public static class RiskRules
{
    public static readonly RiskRuleInfo UnknownOperation = new(
        "SC000", "unknown-operation", Severity.Low, "A step has an operation this review does not know",
        "A newer Pulumi CLI may have added an operation; the step is counted and listed but no rule judged it.",
        "Check the step by hand, and update the review if Pulumi added the operation.");

    public static readonly RiskRuleInfo PreviewFailed = new(
        "SC012", "preview-failed", Severity.Critical, "The preview failed",
        "A preview whose diagnostics carry errors stopped early: its steps are not the whole change, so \"no changes\" or a short list means nothing.",
        "Fix the errors shown in the diagnostics and run `pulumi preview --json` again before reviewing.");

    public static readonly RiskRuleInfo PolicyViolation = new(
        "SC013", "policy-violation", Severity.Medium, "A policy pack reported a violation",
        "Pulumi policy packs (CrossGuard) judged the change: a mandatory violation stops `pulumi up`, an advisory one is only printed and easy to miss in a long log.",
        "Change the resource so the policy passes, or record why the advisory violation is accepted.");

    public static readonly RiskRuleInfo SummaryMismatch = new(
        "SC014", "summary-mismatch", Severity.High, "The steps and Pulumi's own summary disagree",
        "The counts Pulumi wrote in `changeSummary` (or the summary event) are not the counts of the steps in the file: the file was cut, merged or edited, or the preview may be corrupt, so what is reviewed is not what Pulumi planned.",
        "Run `pulumi preview --json` again and review the file it writes, unedited.");

    public static readonly RiskRuleInfo PlanMismatch = new(
        "SC015", "plan-mismatch", Severity.Critical, "The saved plan does not apply the reviewed change",
        "`pulumi up --plan` applies the plan file, not the preview: when they differ, what is approved is not what runs.",
        "Save the plan and the preview from the same `pulumi preview --json --save-plan` run and review both.");

    public static IReadOnlyList<IRiskRule> All { get; } =
    [
        new StatefulChangeRule(),
        new PropertyRules(),
        new OpenIngressRule(),
        new IamWildcardRule(),
        new PlaintextSecretRule(),
    ];

    /// <summary>Every rule id, for SARIF's rule list and the documentation.</summary>
    public static IReadOnlyList<RiskRuleInfo> Catalog { get; } =
        [.. All.SelectMany(r => r.Rules).Append(UnknownOperation).Append(PreviewFailed).Append(PolicyViolation).Append(SummaryMismatch).Append(PlanMismatch).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal)];
}
