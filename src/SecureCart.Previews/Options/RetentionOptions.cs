using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

/// <summary>How long request records are kept; a sweep on every replica (one at a time) removes older ones.</summary>
internal sealed class RetentionOptions
{
    public const string Section = "Previews:Retention";

    public bool Enabled { get; set; } = true;

    /// <summary>A retried create with the same Idempotency-Key is recognised for this long; after it, the key is new again.</summary>
    [Range(1, 24 * 365)] public int IdempotencyKeyHours { get; set; } = 48;

    /// <summary>Events of finished operations are kept this long (watchers resume from them); a running operation's are always kept.</summary>
    [Range(1, 3650)] public int OperationEventDays { get; set; } = 30;

    [Range(1, 86_400)] public int IntervalSeconds { get; set; } = 3_600;

    /// <summary>Rows removed per statement: short transactions that never hold many locks at once.</summary>
    [Range(1, 100_000)] public int BatchSize { get; set; } = 1_000;
}
