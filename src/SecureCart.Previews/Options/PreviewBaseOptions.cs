namespace SecureCart.Previews.Options;

/// <summary>The shared long-lived stack every preview builds on.</summary>
internal sealed class PreviewBaseOptions
{
    public const string Section = "Previews:Base";

    public string StackName { get; set; } = "preview-base";
    public string Region { get; set; } = "us-east-1";
    public string Domain { get; set; } = "securecart.example";

    /// <summary>"Arm64" or "X64".</summary>
    public string Architecture { get; set; } = "Arm64";
}
