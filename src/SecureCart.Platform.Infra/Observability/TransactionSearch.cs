using System.Text.Json.Nodes;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Xray;
using SecureCart.Platform.Plan.Observability;

namespace SecureCart.Platform.Infra.Observability;

/// <summary>
/// Turns on CloudWatch Transaction Search for the stack's Region, in the order AWS requires
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Enable-TransactionSearch.html): the CloudWatch Logs
/// resource policy that lets X-Ray write the span groups, then the trace segment destination, then the indexing rule.
/// </summary>
internal static class TransactionSearch
{
    public static void Create(Resource parent, TransactionSearchPlan plan, string region)
    {
        Output<string> document = Pulumi.Aws.GetCallerIdentity.Invoke().Apply(identity => Policy(region, identity.AccountId));
        // UpdateTraceSegmentDestination checks that X-Ray may write aws/spans, so the policy must exist first.
        var policy = new LogResourcePolicy(TransactionSearchPlan.ResourcePolicyLogicalName, new LogResourcePolicyArgs
        {
            PolicyName = plan.ResourcePolicyName,
            PolicyDocument = document,
        }, Children.Of(parent));
        var destination = new TraceSegmentDestination(TransactionSearchPlan.DestinationLogicalName, new TraceSegmentDestinationArgs
        {
            Destination = TransactionSearchPlan.Destination,
        }, new CustomResourceOptions { Parent = parent, DependsOn = { policy } });
        // Indexing applies to spans already in CloudWatch Logs, so it follows the destination.
        _ = new IndexingRule(TransactionSearchPlan.IndexingRuleLogicalName, new IndexingRuleArgs
        {
            Name = TransactionSearchPlan.IndexingRuleName,
            Rule = new Pulumi.Aws.Xray.Inputs.IndexingRuleRuleArgs
            {
                Probabilistic = new Pulumi.Aws.Xray.Inputs.IndexingRuleRuleProbabilisticArgs { DesiredSamplingPercentage = plan.IndexedPercent },
            },
        }, new CustomResourceOptions { Parent = parent, DependsOn = { destination } });
    }

    // X-Ray writes as its service principal; the conditions keep another account's X-Ray from writing here.
    private static string Policy(string region, string account) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Sid"] = "TransactionSearchXRayAccess",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = "xray.amazonaws.com" },
            ["Action"] = "logs:PutLogEvents",
            ["Resource"] = new JsonArray([.. TransactionSearchPlan.LogGroupArns(region, account).Select(a => (JsonNode)JsonValue.Create(a))]),
            ["Condition"] = new JsonObject
            {
                ["ArnLike"] = new JsonObject { ["aws:SourceArn"] = $"arn:aws:xray:{region}:{account}:*" },
                ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = account },
            },
        }),
    }.ToJsonString();
}
