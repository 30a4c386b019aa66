using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Edge;

/// <summary>CloudFront's web ACL (CLOUDFRONT scope, in us-east-1), its rules in priority order, and where it logs.</summary>
/// <param name="LogGroupName">CloudWatch Logs group of the full request logs; AWS requires the <c>aws-waf-logs-</c> prefix.</param>
/// <param name="RedactedHeaders">Headers kept out of the logs: credentials and session cookies.</param>
public sealed record WebAclPlan(
    string Name,
    string Scope,
    string Region,
    ImmutableArray<WafRulePlan> Rules,
    string LogGroupName,
    int LogRetentionDays,
    ImmutableArray<string> RedactedHeaders)
{
    /// <summary>The prefix AWS WAF requires of a logging destination's name.</summary>
    public const string LogDestinationPrefix = "aws-waf-logs-";
}
