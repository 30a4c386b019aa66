using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

internal sealed class LifetimeOptions
{
    public const string Section = "Previews:Lifetime";

    [Range(1, 168)] public int DefaultHours { get; set; } = 24;
    [Range(1, 168)] public int MaxHours { get; set; } = 168;
}
