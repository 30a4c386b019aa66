using System.Text.Json;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Risk;

/// <summary>SC011: a password, token or key stored in state as plain text instead of a Pulumi secret.</summary>
public sealed class PlaintextSecretRule : IRiskRule
{
    public static readonly RiskRuleInfo Info = new(
        "SC011", "plaintext-secret", Severity.High, "A secret-looking input is stored in plain text",
        "Inputs not marked secret are written to the state file, `pulumi stack export` and every preview in clear text; anyone who can read the state can read the credential.",
        "Pass it as a secret (`pulumi config set --secret`, `Output.CreateSecret`, or `additionalSecretOutputs`), or better, let the service manage it (`manageMasterUserPassword`, Secrets Manager).");

    public IEnumerable<RiskRuleInfo> Rules => [Info];

    public IEnumerable<RiskFinding> Evaluate(PreviewStep change, ReviewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!RiskFindings.Changes(change, policy) || change.New!.Inputs.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var found = new List<string>();
        Walk(change.New.Inputs, "", found);
        return found.Select(path => RiskFindings.For(Info, change, $"`{path}` of {change.Urn.Name} holds a plain-text value (shown here as {ValueText.HiddenPlainText})"));
    }

    private static void Walk(JsonElement value, string path, List<string> found)
    {
        if (SecretValues.IsSecret(value))
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (property.NameEquals("__defaults"))
                    {
                        continue;
                    }

                    var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (property.Value.ValueKind == JsonValueKind.String && SecretValues.LooksSecretByName(property.Name)
                        && property.Value.GetString() is { Length: > 0 } text && !text.StartsWith("arn:", StringComparison.Ordinal)
                        && !bool.TryParse(text, out _)
                        && !UnknownValues.IsUnknown(property.Value)
                        && !SecretValues.IsSecret(property.Value))
                    {
                        found.Add(child);
                    }
                    else
                    {
                        Walk(property.Value, child, found);
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", found);
                }

                break;
            default:
                break;
        }
    }
}
