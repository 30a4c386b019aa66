namespace SecureCart.Previews.DeveloperConsole;

public sealed class ExtendForm
{
    public string? Hours { get; set; }
}
