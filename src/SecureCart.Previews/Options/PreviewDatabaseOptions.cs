using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

/// <summary>
/// Each preview's own database and role in the base stack's PostgreSQL instance. Off while
/// <see cref="AdminConnectionString"/> is empty (and always with the plan-only engine, which creates nothing).
/// </summary>
internal sealed class PreviewDatabaseOptions : IValidatableObject
{
    public const string Section = "Previews:Database";
    public const int MinPasswordKeyLength = 32;

    /// <summary>A role on the base instance that may create roles and databases (RDS: the master user).</summary>
    public string? AdminConnectionString { get; set; }

    /// <summary>
    /// Secret key the role passwords are derived from (HMAC of the role name): a retried `up` sets the same
    /// password again, so running tasks keep connecting, and no password is ever stored by the service.
    /// </summary>
    public string? PasswordKey { get; set; }

    [Range(1, 600)] public int CommandTimeoutSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(AdminConnectionString);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (PasswordKey is null || PasswordKey.Length < MinPasswordKeyLength))
        {
            yield return new ValidationResult(
                $"{Section}:PasswordKey must be at least {MinPasswordKeyLength} characters when {Section}:AdminConnectionString is set (keep it in a secret store, like the audit key).",
                [nameof(PasswordKey)]);
        }
    }
}
