namespace SecureCart.Platform.Review.Risk;

/// <summary>What a rule is: its id (SARIF `ruleId`), default severity, why it matters and how to fix it.</summary>
public sealed record RiskRuleInfo(string Id, string Name, Severity Severity, string Title, string Why, string Fix);
