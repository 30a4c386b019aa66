using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Naming;

namespace SecureCart.Platform.Plan.Edge;

/// <summary>
/// CloudFront's web ACL. Cheap, always-on protection first: the IP reputation list drops known-bad sources before
/// anything else is evaluated, then the per-IP rate rule, then the core rule set (OWASP-style injection and
/// traversal patterns) and known bad inputs (Log4Shell, Java deserialisation). Bot Control is a stack option: it is
/// priced per request inspected, which at sale volumes costs more than the rest of the edge.
/// </summary>
public static class WafPlanner
{
    public const string IpReputation = "AWSManagedRulesAmazonIpReputationList";
    public const string CoreRuleSet = "AWSManagedRulesCommonRuleSet";
    public const string KnownBadInputs = "AWSManagedRulesKnownBadInputsRuleSet";
    public const string BotControl = "AWSManagedRulesBotControlRuleSet";

    /// <summary>
    /// The gateway's web ACL: the same rules as CloudFront's, REGIONAL scope in the stack's Region (a regional API
    /// takes an ACL of its own Region), logging to a group of that Region.
    /// </summary>
    public static WebAclPlan Regional(StackSettings stack, ResourceNames names)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var cloudFront = Plan(stack, names, stack.Profile == SizeProfile.Production ? 90 : 3);
        return cloudFront with
        {
            Name = names.Physical("api-waf"),
            Scope = "REGIONAL",
            Region = stack.Region,
            LogGroupName = WebAclPlan.LogDestinationPrefix + names.Physical("api-waf"),
        };
    }

    public static WebAclPlan Plan(StackSettings stack, ResourceNames names, int logRetentionDays)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(names);
        var rules = new List<WafRulePlan>
        {
            new("ip-reputation", 1, IpReputation, null),
            new("rate-per-ip", 2, null, stack.WafRateLimit),
            new("core-rule-set", 3, CoreRuleSet, null),
            new("known-bad-inputs", 4, KnownBadInputs, null),
        };
        if (stack.WafBotControl)
        {
            rules.Add(new("bot-control", 5, BotControl, null));
        }

        return new WebAclPlan(
            names.Physical("waf"),
            "CLOUDFRONT",
            EdgePlanner.CloudFrontCertificateRegion, // CLOUDFRONT-scope ACLs and their log groups live in us-east-1
            [.. rules],
            WebAclPlan.LogDestinationPrefix + names.Physical("waf"),
            logRetentionDays,
            ["authorization", "cookie"]);
    }
}
