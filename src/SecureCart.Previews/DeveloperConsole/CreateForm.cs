namespace SecureCart.Previews.DeveloperConsole;

/// <summary>
/// The create form as typed: text only, so nothing is lost to binding; the API's validator decides what is valid.
/// <see cref="IdempotencyKey"/> is new on each rendered form, so a double submit creates one environment.
/// </summary>
public sealed class CreateForm
{
    public string? Name { get; set; }
    public string? GitRef { get; set; }
    public string? ImageTag { get; set; }
    public string? Size { get; set; }
    public string? TtlHours { get; set; }
    public string? IdempotencyKey { get; set; }
}
