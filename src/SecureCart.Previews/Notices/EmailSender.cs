using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.Notices;

/// <summary>Mails the notice through the configured SMTP relay (MailKit), plain text with the extend link.</summary>
internal sealed class EmailSender(IOptions<NoticeOptions> options)
{
    public async Task SendAsync(string to, ExpiryNotice notice, CancellationToken cancellationToken)
    {
        // Host and From are checked at start-up whenever a team has an address, so both are set here.
        var smtp = options.Value.Smtp;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From!));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = $"Preview {notice.Team}/{notice.Name} expires in {Describe(notice.LeadMinutes)}";
        message.Headers.Add("X-SecureCart-Notice-Id", notice.NoticeId.ToString("D"));
        message.Body = new TextPart("plain")
        {
            Text = string.Create(CultureInfo.InvariantCulture, $"""
                The preview environment {notice.Team}/{notice.Name} is destroyed at {notice.ExpiresAt:yyyy-MM-dd HH:mm} UTC.
                {(notice.Url is null ? "" : $"It runs at {notice.Url}.")}

                To keep it {notice.ExtendHours} hours longer, open this link (it works once, until the environment expires):
                {notice.ExtendUrl}
                """),
        };

        using var client = new SmtpClient();
        var security = smtp.Security switch
        {
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            "None" => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    public static string Describe(int minutes) =>
        minutes % 60 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h") : string.Create(CultureInfo.InvariantCulture, $"{minutes} min");
}
