using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SecureCart.Previews.Notices;

/// <summary>
/// The webhook signature header: <c>SecureCart-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where hex is
/// HMAC-SHA256(secret, "&lt;t&gt;." + body bytes). The time is signed too, so a receiver can refuse an old body replayed.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "SecureCart-Signature";

    public static string Create(string secret, long unixSeconds, ReadOnlySpan<byte> body) =>
        string.Create(CultureInfo.InvariantCulture, $"t={unixSeconds},v1={Convert.ToHexStringLower(Compute(secret, unixSeconds, body))}");

    /// <summary>What a receiver does: recompute and compare in constant time (also used by the tests as a receiver).</summary>
    public static bool Verify(string secret, string header, ReadOnlySpan<byte> body, out long unixSeconds)
    {
        unixSeconds = 0;
        string? t = null, v1 = null;
        foreach (var part in header.Split(','))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal)) t = part[2..];
            else if (part.StartsWith("v1=", StringComparison.Ordinal)) v1 = part[3..];
        }

        if (t is null || v1 is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out unixSeconds))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(v1);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Compute(secret, unixSeconds, body));
    }

    private static byte[] Compute(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
