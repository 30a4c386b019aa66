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
        [.. All.SelectMany(r => r.Rules).Append(UnknownOperation).Append(PreviewFailed).DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal)];
}
