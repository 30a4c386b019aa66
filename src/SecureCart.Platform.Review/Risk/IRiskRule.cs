using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Risk;

/// <summary>A check run on every step; each implementation is one rule (or one data-driven family of rules).</summary>
public interface IRiskRule
{
    IEnumerable<RiskRuleInfo> Rules { get; }

    IEnumerable<RiskFinding> Evaluate(PreviewStep change, ReviewPolicy policy);
}
