using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Automation;

/// <summary>One resource plugin the inline program needs, e.g. aws 7.48.0.</summary>
internal sealed class PulumiPluginOptions
{
    [Required]
    [RegularExpression("^[a-z0-9-]+$", ErrorMessage = "a plugin name is lower-case letters, digits and hyphens, e.g. aws")]
    public string Name { get; set; } = "";

    [Required]
    [RegularExpression(@"^v?\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$", ErrorMessage = "a plugin version is a semantic version, e.g. 7.48.0")]
    public string Version { get; set; } = "";
}
