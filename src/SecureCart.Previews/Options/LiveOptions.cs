using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

/// <summary>How operation events reach watchers: pushed by the database, with slow safety nets for what a push can miss.</summary>
internal sealed class LiveOptions
{
    public const string Section = "Previews:Live";

    /// <summary>How long the listening connection may be idle before it is probed (a dead peer shows within this).</summary>
    [Range(1, 300)] public int ListenerProbeSeconds { get; set; } = 10;

    /// <summary>First wait before the listener reconnects; it doubles up to <see cref="ReconnectMaxMilliseconds"/>.</summary>
    [Range(10, 60_000)] public int ReconnectFirstMilliseconds { get; set; } = 250;

    [Range(10, 300_000)] public int ReconnectMaxMilliseconds { get; set; } = 5_000;

    /// <summary>A watcher with no wake-up for this long reads once anyway: a net under the push, not the mechanism.</summary>
    [Range(1, 3_600)] public int SafetyReadSeconds { get; set; } = 30;

    /// <summary>After a failed read (database unreachable) a watcher tries again this soon, or when the listener is back.</summary>
    [Range(50, 60_000)] public int OutageRetryMilliseconds { get; set; } = 1_000;
}
