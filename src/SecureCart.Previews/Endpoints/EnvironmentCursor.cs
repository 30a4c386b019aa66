using System.Buffers.Text;
using System.Globalization;
using System.Text;
using SecureCart.Previews.State.Reads;

namespace SecureCart.Previews.Endpoints;

/// <summary>
/// The list's page cursor: the last row's sort key, base64url so clients treat it as opaque and pass it back as is.
/// A version prefix lets the format change without misreading old cursors.
/// </summary>
internal static class EnvironmentCursor
{
    private const string Version = "e1";

    public static string Encode(EnvironmentPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var text = string.Create(CultureInfo.InvariantCulture, $"{Version}.{position.CreatedAt.ToUnixTimeMilliseconds()}.{position.Id:N}");
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));
    }

    /// <summary>The position, or null when the text is not a cursor this API issued.</summary>
    public static EnvironmentPosition? TryDecode(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (cursor.Length is 0 or > 200 || !Base64Url.IsValid(cursor))
        {
            return null;
        }

        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)).Split('.');
        return parts.Length == 3
            && parts[0] == Version
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            && Guid.TryParseExact(parts[2], "N", out var id)
            ? new EnvironmentPosition(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), id)
            : null;
    }
}
