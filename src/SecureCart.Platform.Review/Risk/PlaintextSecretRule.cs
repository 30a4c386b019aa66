using System.Globalization;
using System.Text;
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
        Walk(change.New.Inputs, [], found);
        return found.Select(path => RiskFindings.For(Info, change, $"`{path}` of {change.Urn.Name} holds a plain-text value (shown here as {ValueText.HiddenPlainText})"));
    }

    // The path to where the walk is, as its parts (a property name, or an index as `int`): the path's text is
    // only made for a finding, not for every property of every changed resource.
    private static void Walk(JsonElement value, List<object> at, List<string> found)
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

                    var child = property.Value;
                    if (child.ValueKind == JsonValueKind.String && SecretValues.LooksSecretByName(property.Name)
                        && child.GetString() is { Length: > 0 } text && !text.StartsWith("arn:", StringComparison.Ordinal)
                        && !bool.TryParse(text, out _)
                        && !UnknownValues.IsUnknown(child)
                        && !SecretValues.IsSecret(child))
                    {
                        found.Add(PathOf(at, property.Name));
                    }
                    else if (child.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        // Only objects and arrays hold more to look at.
                        at.Add(property.Name);
                        Walk(child, at, found);
                        at.RemoveAt(at.Count - 1);
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        at.Add(i);
                        Walk(item, at, found);
                        at.RemoveAt(at.Count - 1);
                    }

                    i++;
                }

                break;
            default:
                break;
        }
    }

    /// <summary>`a.b[0].c`: names joined by dots (none before the first), indexes in brackets.</summary>
    private static string PathOf(List<object> at, string name)
    {
        var path = new StringBuilder();
        foreach (var part in at)
        {
            Append(path, part);
        }

        Append(path, name);
        return path.ToString();
    }

    private static void Append(StringBuilder path, object part)
    {
        if (part is int index)
        {
            path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
        else
        {
            path.Append(path.Length == 0 ? "" : ".").Append((string)part);
        }
    }
}
