using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

internal sealed class AuditOptions
{
    public const string Section = "Previews:Audit";

    /// <summary>The HMAC key of the audit chain (at least 32 characters; keep it in a secret store, not in the database's reach).</summary>
    [Required(ErrorMessage = "Previews:Audit:HmacKey is required: a secret of at least 32 characters that keys the audit chain (e.g. dotnet user-secrets set Previews:Audit:HmacKey ...).")]
    [MinLength(32, ErrorMessage = "Previews:Audit:HmacKey must be at least 32 characters.")]
    public string? HmacKey { get; set; }

    /// <summary>
    /// An append-only file outside the database (a WORM-mounted volume, a log shipper's input) where the chain's head is
    /// written periodically; /v1/audit/verify checks the chain against every line. Empty: no anchoring (a warning at start).
    /// </summary>
    public string? AnchorPath { get; set; }

    [Range(1, 86_400)] public int AnchorIntervalSeconds { get; set; } = 300;
}
