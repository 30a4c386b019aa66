using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

internal sealed class ReaperOptions
{
    public const string Section = "Previews:Reaper";

    public bool Enabled { get; set; } = true;
    [Range(1, 86_400)] public int IntervalSeconds { get; set; } = 60;
}
