using System.Text.RegularExpressions;

namespace SecureCart.Platform.Plan.Naming;

/// <summary>DNS name rules shared by the stack domain and preview environment names.</summary>
public static partial class DnsName
{
    /// <summary>A lower-case DNS label: letters, digits, inner hyphens, 1 to 63 characters.</summary>
    public static bool IsValidLabel(string label) => label.Length is > 0 and <= 63 && LabelPattern().IsMatch(label);

    public static bool IsValidDomain(string domain) =>
        domain.Length <= 253 && domain.Contains('.', StringComparison.Ordinal) && domain.Split('.').All(IsValidLabel);

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();
}
