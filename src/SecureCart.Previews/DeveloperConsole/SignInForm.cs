namespace SecureCart.Previews.DeveloperConsole;

/// <summary>The sign-in form: an API key of the caller's team.</summary>
public sealed class SignInForm
{
    public string? Key { get; set; }
}
