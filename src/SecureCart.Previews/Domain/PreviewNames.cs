using System.Text.RegularExpressions;
using SecureCart.Platform.Plan.Previews;

namespace SecureCart.Previews.Domain;

/// <summary>DNS-safe names: the environment name becomes a host label and part of the stack name.</summary>
public static partial class PreviewNames
{
    public const int MinLength = 3;

    /// <summary>The platform plan's limit: the name is part of target-group names (32 characters).</summary>
    public const int MaxLength = PreviewPlanner.MaxNameLength;

    public const int MaxTeamLength = 20;

    public static string? Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "name is required: lower-case letters, digits and '-', e.g. 'feature-login'.";
        }

        if (TextInput.CheckVisible("name", name) is { } invisible)
        {
            return invisible;
        }

        if (name.Length is < MinLength or > MaxLength)
        {
            return $"name must be {MinLength} to {MaxLength} characters long; {TextInput.Quote(name)} has {name.Length}.";
        }

        return DnsLabel().IsMatch(name)
            ? null
            : $"name {TextInput.Quote(name)} is not DNS-safe: use lower-case letters a-z, digits and '-', starting with a letter and not ending with '-'.";
    }

    public static string? ValidateTeam(string? team)
    {
        if (string.IsNullOrEmpty(team))
        {
            return "team is required.";
        }

        if (TextInput.CheckVisible("team", team) is { } invisible)
        {
            return invisible;
        }

        return team.Length <= MaxTeamLength && DnsLabel().IsMatch(team)
            ? null
            : $"team {TextInput.Quote(team)} must be 1 to {MaxTeamLength} lower-case letters, digits or '-', starting with a letter.";
    }

    // \A and \z, not ^ and $: '$' also matches before a final newline, which let "name\n" pass as a second "name".
    [GeneratedRegex(@"\A[a-z]([a-z0-9-]*[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();
}
