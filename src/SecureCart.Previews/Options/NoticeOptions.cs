using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SecureCart.Previews.Options;

/// <summary>Notices before expiry: when, to whom (per team), how links are signed, how deliveries are retried.</summary>
internal sealed class NoticeOptions : IValidatableObject
{
    public const string Section = "Previews:Notices";

    public bool Enabled { get; set; }

    /// <summary>How long before expiry each notice goes out, in minutes (24 h, 2 h, 30 min).</summary>
    public int[] LeadMinutes { get; set; } = [1_440, 120, 30];

    [Range(1, 3_600)] public int IntervalSeconds { get; set; } = 60;

    /// <summary>Where the service is reached from a mail client, for the extend link (e.g. https://previews.example.com).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Signs extend links (32+ characters, from a secret store). Not shared with anyone.</summary>
    public string? LinkKey { get; set; }

    /// <summary>Signs webhook bodies (32+ characters); receivers hold it to verify the signature.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Per-environment webhooks must be https unless this is on (a test rig or a trusted network only).</summary>
    public bool AllowHttpWebhooks { get; set; }

    [Range(1, 168)] public int ExtendHours { get; set; } = 24;

    [Range(1, 20)] public int MaxAttempts { get; set; } = 6;
    [Range(1, 3_600)] public int FirstRetrySeconds { get; set; } = 30;
    [Range(1, 86_400)] public int MaxRetrySeconds { get; set; } = 3_600;

    /// <summary>How long a replica may hold a notice it is sending before another may try it.</summary>
    [Range(5, 3_600)] public int SendTimeoutSeconds { get; set; } = 60;

    /// <summary>Per team: <c>WebhookUrl</c> and/or <c>Email</c>.</summary>
    public Dictionary<string, NoticeTargetOptions> Teams { get; set; } = new(StringComparer.Ordinal);

    [ValidateObjectMembers] public SmtpOptions Smtp { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if ((LinkKey ?? "").Length < 32)
        {
            yield return new($"{Section}:LinkKey must be 32+ characters (from a secret store) when notices are enabled: it signs the extend links.", [nameof(LinkKey)]);
        }

        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var publicBase) || publicBase.Scheme is not ("https" or "http"))
        {
            yield return new($"{Section}:PublicBaseUrl must be an absolute http(s) URL (where a mail reader reaches this service), e.g. https://previews.example.com.", [nameof(PublicBaseUrl)]);
        }

        if (LeadMinutes.Length == 0 || LeadMinutes.Any(m => m is < 1 or > 10_080))
        {
            yield return new($"{Section}:LeadMinutes must list 1 to 10080 minutes before expiry, e.g. 1440, 120, 30.", [nameof(LeadMinutes)]);
        }

        foreach (var (team, target) in Teams)
        {
            if (target.WebhookUrl is { Length: > 0 } url && (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http")))
            {
                yield return new($"{Section}:Teams:{team}:WebhookUrl must be an absolute http(s) URL.", [nameof(Teams)]);
            }

            if (target.WebhookUrl is { Length: > 0 } && (WebhookSecret ?? "").Length < 32)
            {
                yield return new($"{Section}:WebhookSecret must be 32+ characters when a team has a webhook: it signs the bodies.", [nameof(WebhookSecret)]);
            }

            if (target.Email is { Length: > 0 } email && !System.Net.Mail.MailAddress.TryCreate(email, out _))
            {
                yield return new($"{Section}:Teams:{team}:Email '{email}' is not an e-mail address.", [nameof(Teams)]);
            }

            if (target.Email is { Length: > 0 } && (string.IsNullOrEmpty(Smtp.Host) || string.IsNullOrEmpty(Smtp.From)))
            {
                yield return new($"{Section}:Smtp:Host and {Section}:Smtp:From are required when a team has an e-mail address.", [nameof(Smtp)]);
            }
        }
    }
}
