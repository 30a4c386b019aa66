using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

internal sealed class WorkerOptions
{
    public const string Section = "Previews:Worker";

    public bool Enabled { get; set; } = true;

    /// <summary>Names this replica's claims; defaults to machine name and process id.</summary>
    public string? WorkerId { get; set; }

    [Range(1, 64)] public int Concurrency { get; set; } = 4;
    [Range(2, 3600)] public int LeaseSeconds { get; set; } = 60;
    [Range(10, 60_000)] public int PollMilliseconds { get; set; } = 500;
    [Range(1, 10)] public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// How long a slot may put off claiming the next operation while creates are in flight on this replica (0: never
    /// waits). Bounded so deploys still advance under steady traffic: at most this long per claim.
    /// </summary>
    [Range(0, 5_000)] public int MaxYieldMilliseconds { get; set; } = 300;
}
