using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SecureCart.Platform.Plan.Previews;

/// <summary>
/// A preview's own database in the shared base instance, and the login role that owns it (same name). The name
/// carries a hash of team and environment: two teams may both have an environment called "demo", and mapping
/// hyphens to underscores alone could make two different pairs collide.
/// </summary>
/// <param name="Name">Database and role name: lower-case letters, digits and underscores, at most 63 characters.</param>
/// <param name="SecretName">The Secrets Manager secret the preview stack keeps the credentials in.</param>
/// <param name="Port">The base instance's PostgreSQL port.</param>
public sealed partial record PreviewDatabasePlan(string Name, string SecretName, int Port)
{
    /// <summary>PostgreSQL's identifier limit (NAMEDATALEN - 1).</summary>
    public const int MaxIdentifierLength = 63;

    public static PreviewDatabasePlan For(string team, string environment, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(team);
        ArgumentException.ThrowIfNullOrEmpty(environment);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{team}/{environment}")))[..10];
        var readable = environment.Replace('-', '_');
        return new($"pv_{readable}_{hash}", $"securecart/previews/{team}/{environment}/database", port);
    }

    /// <summary>True for a name this planner could have produced (what the service accepts before it quotes it into SQL).</summary>
    public static bool IsValidName(string? name) => name is { Length: > 0 and <= MaxIdentifierLength } && Identifier().IsMatch(name);

    [GeneratedRegex("^pv_[a-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
