using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

/// <summary>
/// Fair use: each key and each team gets a token bucket (a steady rate plus a burst). The buckets live in each
/// replica's memory, so N replicas admit up to N times these figures; the edge (WAF rate rule, API Gateway
/// throttling) bounds the total.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string Section = "Previews:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests a second one API key (or token subject) may sustain.</summary>
    [Range(1, 1_000_000)] public int KeyRequestsPerSecond { get; set; } = 50;

    /// <summary>Requests one key may send at once after a quiet spell.</summary>
    [Range(1, 10_000_000)] public int KeyBurst { get; set; } = 200;

    /// <summary>Requests a second all of a team's keys together may sustain.</summary>
    [Range(1, 1_000_000)] public int TeamRequestsPerSecond { get; set; } = 200;

    [Range(1, 10_000_000)] public int TeamBurst { get; set; } = 1_000;
}
