using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.Notices;

/// <summary>
/// One-click extend tokens: the environment and the expiry the notice warned about, signed with HMAC-SHA256. The
/// token is good until that expiry, and only while the environment still expires then: the first use moves the
/// expiry, so a second use (or any older link) is refused. No token is stored.
/// </summary>
internal sealed class ExtendLinks(IOptions<NoticeOptions> options, TimeProvider time)
{
    public const string Path = "/v1/notices/extend";
    private const string Version = "v1";

    public string Create(Guid environmentId, DateTimeOffset expiresAt)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{Version}|{environmentId:N}|{expiresAt.ToUnixTimeMilliseconds()}");
        var bytes = Encoding.UTF8.GetBytes(payload);
        return WebEncoders.Base64UrlEncode(bytes) + "." + WebEncoders.Base64UrlEncode(Sign(bytes));
    }

    public Uri LinkFor(Guid environmentId, DateTimeOffset expiresAt) =>
        new($"{options.Value.PublicBaseUrl!.TrimEnd('/')}{Path}?token={Create(environmentId, expiresAt)}");

    public ExtendToken Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512 || token.Split('.') is not [var payloadPart, var signaturePart])
        {
            return new ExtendToken.Invalid("the link is malformed; use the link from the notice as it was sent");
        }

        byte[] payload, signature;
        try
        {
            payload = WebEncoders.Base64UrlDecode(payloadPart);
            signature = WebEncoders.Base64UrlDecode(signaturePart);
        }
        catch (FormatException)
        {
            return new ExtendToken.Invalid("the link is malformed; use the link from the notice as it was sent");
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload)))
        {
            return new ExtendToken.Invalid("the link's signature does not match; it was altered or not issued by this service");
        }

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts is not [Version, var id, var millis] || !Guid.TryParseExact(id, "N", out var environmentId)
            || !long.TryParse(millis, NumberStyles.None, CultureInfo.InvariantCulture, out var unixMs))
        {
            return new ExtendToken.Invalid("the link is malformed; use the link from the notice as it was sent");
        }

        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
        return time.GetUtcNow() >= expiresAt
            ? new ExtendToken.Expired(environmentId, expiresAt)
            : new ExtendToken.Valid(environmentId, expiresAt);
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.LinkKey ?? ""), payload);
}
