using System.Text.Json;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Risk;

/// <summary>SC007 / SC008: IAM policy statements that allow `*` actions or `*` resources.</summary>
public sealed class IamWildcardRule : IRiskRule
{
    public static readonly RiskRuleInfo WildcardAction = new(
        "SC007", "iam-wildcard-action", Severity.High, "An IAM policy allows every action",
        "`\"Action\": \"*\"` (or `service:*`) grants whatever the service will ever add, including deleting data and changing permissions; one leaked credential then owns the account or service.",
        "List the actions the workload calls (the plan's service catalog says which); use IAM Access Analyzer's policy generation from CloudTrail.");

    public static readonly RiskRuleInfo WildcardResource = new(
        "SC008", "iam-wildcard-resource", Severity.Medium, "An IAM policy allows actions on every resource",
        "`\"Resource\": \"*\"` reaches the other region's and other teams' resources too, not just this stack's.",
        "Name the ARNs (the stack knows them), or scope with conditions such as `aws:ResourceTag`.");

    private static readonly (string Type, string Path)[] s_documents =
    [
        ("aws:iam/policy:Policy", "policy"),
        ("aws:iam/rolePolicy:RolePolicy", "policy"),
        ("aws:iam/userPolicy:UserPolicy", "policy"),
        ("aws:iam/groupPolicy:GroupPolicy", "policy"),
        ("aws:s3/bucketPolicy:BucketPolicy", "policy"),
        ("aws:kms/key:Key", "policy"),
        ("aws:sqs/queuePolicy:QueuePolicy", "policy"),
        ("aws:sns/topicPolicy:TopicPolicy", "policy"),
        ("aws:iam/role:Role", "inlinePolicies[*].policy"),
    ];

    public IEnumerable<RiskRuleInfo> Rules => [WildcardAction, WildcardResource];

    public IEnumerable<RiskFinding> Evaluate(PreviewStep change, ReviewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!RiskFindings.Changes(change, policy))
        {
            yield break;
        }

        foreach (var (type, path) in s_documents)
        {
            if (type != change.Type)
            {
                continue;
            }

            foreach (var document in Documents(change.New!.Inputs, path))
            {
                foreach (var finding in Statements(document, change))
                {
                    yield return finding;
                }
            }
        }
    }

    private static IEnumerable<JsonElement> Documents(JsonElement inputs, string path)
    {
        var star = path.IndexOf("[*]", StringComparison.Ordinal);
        var values = star < 0
            ? [PropertyPath.Resolve(inputs, path)]
            : PropertyPath.Resolve(inputs, path[..star]) is { ValueKind: JsonValueKind.Array } array
                ? array.EnumerateArray().Select(item => PropertyPath.Resolve(item, path[(star + 4)..])).ToArray()
                : [];
        foreach (var value in values)
        {
            if (value.ValueKind == JsonValueKind.Object)
            {
                yield return value.Clone();
            }
            else if (value.ValueKind == JsonValueKind.String && !SecretValues.IsSecret(value) && TryParse(value.GetString()!) is { } parsed)
            {
                yield return parsed;
            }
        }
    }

    private static JsonElement? TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON (an unresolved output, or a policy built at apply time): nothing to judge.
            return null;
        }
    }

    private static IEnumerable<RiskFinding> Statements(JsonElement document, PreviewStep step)
    {
        var statements = PropertyPath.Resolve(document, "Statement");
        var list = statements.ValueKind switch
        {
            JsonValueKind.Array => statements.EnumerateArray().ToList(),
            JsonValueKind.Object => [statements],
            _ => [],
        };
        for (var i = 0; i < list.Count; i++)
        {
            var statement = list[i];
            if (Values(statement, "Effect").FirstOrDefault() is not "Allow")
            {
                continue;
            }

            var sid = Values(statement, "Sid").FirstOrDefault() is { } s ? $"statement `{s}`" : $"statement {i + 1}";
            var actions = Values(statement, "Action").Where(a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal)).ToList();
            if (actions.Count > 0 || statement.TryGetProperty("NotAction", out _))
            {
                var what = actions.Count > 0 ? string.Join(", ", actions) : "NotAction (everything else)";
                yield return RiskFindings.For(WildcardAction, step, $"{sid} of {step.Urn.Name} allows {what}");
            }

            if (Values(statement, "Resource").Contains("*"))
            {
                yield return RiskFindings.For(WildcardResource, step, $"{sid} of {step.Urn.Name} allows its actions on Resource \"*\"");
            }
        }
    }

    private static IEnumerable<string> Values(JsonElement statement, string name) =>
        PropertyPath.Resolve(statement, name) switch
        {
            { ValueKind: JsonValueKind.String } one => [one.GetString()!],
            { ValueKind: JsonValueKind.Array } many => many.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
            _ => [],
        };
}
