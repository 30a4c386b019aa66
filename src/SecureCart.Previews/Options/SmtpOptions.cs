using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Options;

/// <summary>The relay notices are mailed through.</summary>
internal sealed class SmtpOptions
{
    public string? Host { get; set; }
    [Range(1, 65_535)] public int Port { get; set; } = 587;

    /// <summary>"StartTls" (default), "SslOnConnect", or "None" (a relay on the same host or network only).</summary>
    [RegularExpression("^(StartTls|SslOnConnect|None)$", ErrorMessage = "Previews:Notices:Smtp:Security must be StartTls, SslOnConnect or None.")]
    public string Security { get; set; } = "StartTls";

    public string? From { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
}
