using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

internal sealed class OrphanOptions
{
    public const string Section = "Previews:Orphans";

    /// <summary>The scheduled sweep; the admin endpoints work either way.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 604_800)] public int IntervalSeconds { get; set; } = 3_600;

    /// <summary>Destroy stacks that no live environment owns. Off by default: report first, act once the report is trusted.</summary>
    public bool DestroyStacks { get; set; }

    /// <summary>How long one sweep may hold the lease between renewals (renewed before each destroy).</summary>
    [Range(10, 86_400)] public int LeaseSeconds { get; set; } = 600;
}
